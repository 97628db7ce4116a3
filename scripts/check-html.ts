/**
 * Checks every page of a built site: valid HTML (html-validate, its "recommended" rules with the
 * few exceptions below), and safe to serve (the page carries its Content-Security-Policy, the
 * policy covers every inline script and style in the page, and no element has an inline event
 * handler or a javascript: URL). Pagefind's own files are not ours and are left out.
 *
 * Usage: node scripts/check-html.ts [dist]   (default: $ARCHIVE_DIST_DIR, else dist/)
 * Exit code 0: every page passes; 1: problems, each printed as file:line:column: rule: message.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { HtmlValidate, StaticConfigLoader, type ConfigData } from 'html-validate';
import { NodeType, parse, type HTMLElement } from 'node-html-parser';
import { htmlFiles } from '../src/lib/output/html-files.ts';
import { inlineHashes, playerOrigins } from '../src/lib/security/hashed-policy.ts';

export interface PageProblem {
  file: string;
  line?: number;
  column?: number;
  rule: string;
  message: string;
}

export const HTML_RULES: ConfigData = {
  extends: ['html-validate:recommended'],
  rules: {
    // Shiki colours code blocks (the About page, citation formats) with color, background-color
    // and its --shiki-* variables in style attributes, and wraps long lines with white-space and
    // word-wrap; each attribute is hashed into the page's policy. Any other inline style is an error.
    'no-inline-style': [
      'error',
      { allowedProperties: ['display', 'color', 'background-color', 'overflow-x', 'white-space', 'word-wrap'], allowVariables: true },
    ],
    // Subresource integrity matters for files from other hosts; every script and stylesheet
    // here is the site's own, so only cross-origin ones must carry it.
    'require-sri': ['error', { target: 'crossorigin' }],
    // Titles are the sources' own titles of talks, often longer than 70 characters; shortening
    // them would misquote the source. The rule is search-engine advice, not HTML.
    'long-title': 'off',
    // The header search box submits with Enter, as search boxes do, and the search page updates
    // as the reader types. WCAG technique H32 (a submit button) is one way to meet criterion
    // 3.2.2, not a requirement; the form changes nothing until the reader asks.
    'wcag/h32': 'off',
    // A <button> in a form is a submit button unless it says otherwise: that default is HTML,
    // and a dialog's close button in a <form method="dialog"> relies on it.
    'no-implicit-button-type': 'off',
    // aria-label on a list or a navigation region names it for screen readers, which ARIA allows
    // for every element that can be named; the rule's default only allows it on a few.
    'aria-label-misuse': ['error', { allowAnyNamable: true }],
  },
};

const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'data', 'poster', 'xlink:href', 'srcset'];
const CSP_META = 'meta[http-equiv="content-security-policy"]';

/** Safety of one page: its policy covers all its inline code, and nothing inline can run. */
export function safetyProblems(html: string, file: string): PageProblem[] {
  const root = parse(html, { comment: false, blockTextElements: { script: true, style: true } });
  return [...policyProblems(root, html, file), ...inlineCodeProblems(root, file)];
}

/** The page's Content-Security-Policy <meta>: there, first after <meta charset>, and allowing the page's inline code and players. */
function policyProblems(root: HTMLElement, html: string, file: string): PageProblem[] {
  const head = root.querySelector('head');
  const meta = head?.querySelector(CSP_META);
  const first = head?.childNodes
    .filter((node) => node.nodeType === NodeType.ELEMENT_NODE)
    .map((node) => node as unknown as { rawTagName: string; getAttribute: (name: string) => string | undefined });
  if (!meta) {
    return [
      {
        file,
        rule: 'csp-meta',
        message:
          'the page has no Content-Security-Policy <meta>; the build adds one (src/integrations/content-security-policy.ts): was the page written after it ran?',
      },
    ];
  }
  if (first?.[1]?.getAttribute('http-equiv')?.toLowerCase() !== 'content-security-policy') {
    return [{ file, rule: 'csp-meta', message: 'the Content-Security-Policy <meta> must come right after <meta charset>, before anything it governs' }];
  }
  const content = meta.getAttribute('content') ?? '';
  return [...hashProblems(html, file, content), ...playerProblems(html, file, content)];
}

/** Each inline script, style and style attribute must have its hash in the policy. */
function hashProblems(html: string, file: string, content: string): PageProblem[] {
  const problems: PageProblem[] = [];
  const hashes = inlineHashes(html);
  for (const [kind, set] of [
    ['script', hashes.scripts],
    ['style', hashes.styles],
    ['style attribute', hashes.styleAttributes],
  ] as const) {
    for (const value of set) {
      if (!content.includes(value))
        problems.push({ file, rule: 'csp-hash', message: `an inline ${kind} (${value}) is not in the page's policy, so browsers will block it` });
    }
  }
  return problems;
}

/** The recording's player must load from an origin the policy allows for frames or media. */
function playerProblems(html: string, file: string, content: string): PageProblem[] {
  const problems: PageProblem[] = [];
  const players = playerOrigins(html);
  for (const [directive, set] of [
    ['frame-src', players.frames],
    ['media-src', players.media],
  ] as const) {
    const allowed = new RegExp(`(?:^|;)\\s*${directive}\\s([^;]*)`).exec(content)?.[1]?.split(/\s+/) ?? [];
    for (const origin of set) {
      if (!allowed.includes(origin))
        problems.push({
          file,
          rule: 'csp-player',
          message: `the recording's player loads from ${origin}, which the page's policy does not allow in ${directive}`,
        });
    }
  }
  return problems;
}

/** No element may carry an inline event handler or a javascript: URL. */
function inlineCodeProblems(root: HTMLElement, file: string): PageProblem[] {
  const problems: PageProblem[] = [];
  for (const element of root.querySelectorAll('*')) {
    for (const [name, value] of Object.entries(element.attributes)) {
      const lower = name.toLowerCase();
      if (lower.startsWith('on'))
        problems.push({
          file,
          rule: 'inline-handler',
          message: `<${element.rawTagName} ${name}="…">: an inline event handler, which the policy blocks; bind the event in a script instead`,
        });
      // Browsers ignore tabs, newlines and leading control characters in a URL's scheme.
      // eslint-disable-next-line no-control-regex -- control characters are what is being removed
      if (URL_ATTRIBUTES.includes(lower) && /^javascript:/i.test(value.replace(/[\u0000-\u0020]/g, ''))) {
        problems.push({ file, rule: 'javascript-url', message: `<${element.rawTagName} ${name}="${value.slice(0, 40)}…">: a javascript: URL` });
      }
    }
  }
  return problems;
}

/** Every problem in every page below `dist`, in file order. */
export async function checkHtml(dist: string): Promise<{ pages: number; problems: PageProblem[] }> {
  const validator = new HtmlValidate(new StaticConfigLoader(HTML_RULES));
  const problems: PageProblem[] = [];
  const pages = htmlFiles(dist);
  for (const path of pages) {
    const file = relative(process.cwd(), path) || path;
    const html = readFileSync(path, 'utf8');
    const report = await validator.validateString(html, file);
    for (const result of report.results) {
      for (const message of result.messages)
        problems.push({
          file,
          line: message.line,
          column: message.column,
          rule: message.ruleId,
          message: `${message.message} (${message.selector ?? 'document'})`,
        });
    }
    problems.push(...safetyProblems(html, file));
  }
  return { pages: pages.length, problems };
}

export function formatProblem({ file, line, column, rule, message }: PageProblem): string {
  return `${file}${line === undefined ? '' : `:${line}:${column ?? 1}`}: ${rule}: ${message}`;
}

if (import.meta.main) {
  const dist = resolve(process.argv[2] ?? process.env['ARCHIVE_DIST_DIR'] ?? 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    console.error(`error: ${dist} holds no built site (no index.html); build the site first (npm run build)`);
    process.exit(1);
  }
  const started = performance.now();
  const { pages, problems } = await checkHtml(dist);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  for (const problem of problems) console.error(formatProblem(problem));
  if (problems.length > 0) {
    console.error(`\n${problems.length} problem(s) in ${pages} pages (${seconds} s); the rules and why some are relaxed are in scripts/check-html.ts`);
    process.exitCode = 1;
  } else {
    console.log(
      `${pages} pages: valid HTML, each with a Content-Security-Policy covering its inline code, no inline handlers or javascript: URLs (${seconds} s)`,
    );
  }
}
