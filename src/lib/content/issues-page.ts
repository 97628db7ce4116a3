import { escapeHtml } from '../html.ts';
import { formatIssue, type ContentIssue } from './content-issue.ts';

/**
 * The page the development server shows instead of any other while the content has problems:
 * the same `file:line: field: message` lines the build prints, and the development server's own
 * client script, so the page reloads by itself once the files are fixed.
 */
export function issuesPage(issues: readonly ContentIssue[]): string {
  const count = `${issues.length} problem${issues.length === 1 ? '' : 's'}`;
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>The archive's content has ${count}</title>
<style>body{font:1rem/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1d1b18;background:#fdfcfa}pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f3f1ec;border-left:4px solid #8a3b12;padding:1rem}</style>
<script type="module" src="/@vite/client"></script></head>
<body><main><h1>The archive's content has ${count}</h1>
<p>The development server keeps running and shows the last content that passed once these are fixed. Each line reads <code>file:line: field: what is wrong and what to do</code>, as in <code>npm run build</code>.</p>
<pre id="content-issues">${issues.map((issue) => escapeHtml(formatIssue(issue))).join('\n')}</pre>
<p>Save the fixed file and this page reloads by itself.</p></main></body>
</html>
`;
}
