/** Files of cdktf.out the report reads or writes. */
export { LINT_FILE } from '../core/lint/findings-file';
export const REPORT_MARKDOWN = 'access-report.md';
export const REPORT_JSON = 'access-report.json';
export const DIFF_MARKDOWN = 'access-diff.md';
