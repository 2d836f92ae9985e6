/** Lint findings are kept beside the stacks in cdktf.out, for the access report. */
export const LINT_FILE = 'lint-findings.json';
