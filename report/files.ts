/** Files of cdktf.out the report reads or writes (main.ts writes the lint file under the same name). */
export const LINT_FILE = 'lint-findings.json';
export const REPORT_MARKDOWN = 'access-report.md';
export const REPORT_JSON = 'access-report.json';
export const DIFF_MARKDOWN = 'access-diff.md';
