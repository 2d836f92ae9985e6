/** Files the report writes into cdktf.out. */
export const REPORT_MARKDOWN = 'access-report.md';
export const REPORT_JSON = 'access-report.json';
export const DIFF_MARKDOWN = 'access-diff.md';
export const DIFF_JSON = 'access-diff.json';
/** The pull-request comment body, within GitHub's limit. */
export const COMMENT_MARKDOWN = 'access-comment.md';
