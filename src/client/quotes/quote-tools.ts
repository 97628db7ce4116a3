import { bibtex, escapeBibtex, markdownQuote, type CitationSource } from '../../lib/quotes/citation.ts';
import { quoteUrl } from '../../lib/quotes/quote-url.ts';
import { escapeHtml } from '../../lib/html.ts';
import { formatClock } from '../../lib/transcript/timestamp.ts';
import { momentOf, withMoment } from '../recording/moments.ts';
import { quoteFromSelection, type Quote } from './selected-quote.ts';

/** Placeholders in the build-time (Shiki-highlighted) citation templates; see QuoteTools.astro. */
export const PLACEHOLDERS = { text: 'QUOTETEXTPLACEHOLDER', speaker: 'QUOTESPEAKERPLACEHOLDER', link: 'QUOTELINKPLACEHOLDER' };

/** " (plays from 2:27)" for a link that carries a moment of the recording. */
const playsFrom = (moment: number | undefined) => (moment === undefined ? '' : ` (plays from ${formatClock(moment)})`);

/** What the quote tools work with, and the quote the toolbar was last opened for. */
interface Tools {
  transcript: HTMLElement;
  toolbar: HTMLElement;
  dialog: HTMLDialogElement;
  status: HTMLElement;
  source: CitationSource & { authors: string };
  current: Quote | undefined;
}

/**
 * Quote tools on a talk page: selecting transcript text (mouse, touch or
 * keyboard) offers "Copy link to quote" and "Cite quote"; Alt+Q reaches them
 * from the keyboard; clicking a permalink copies it.
 */
export function startQuoteTools(transcript: HTMLElement): void {
  const tools = findTools(transcript);
  if (!tools) return;
  followSelection(tools);
  listenForKeys(tools);
  listenToToolbar(tools);
  listenToDialog(tools);
  copyOnClick(tools.status);
}

function findTools(transcript: HTMLElement): Tools | undefined {
  const toolbar = document.querySelector<HTMLElement>('#quote-toolbar');
  const dialog = document.querySelector<HTMLDialogElement>('#quote-dialog');
  const status = document.querySelector<HTMLElement>('#quote-status');
  const source = JSON.parse(document.querySelector('#citation-data')?.textContent ?? 'null') as (CitationSource & { authors: string }) | null;
  return toolbar && dialog && status && source ? { transcript, toolbar, dialog, status, source, current: undefined } : undefined;
}

/** Says in the status line, for a moment, what was copied. */
function announce(status: HTMLElement, message: string): void {
  status.textContent = message;
  status.classList.add('visible');
  window.setTimeout(() => status.classList.remove('visible'), 2500);
}

/** Shows the toolbar below the selected quote and keeps the quote, or hides the toolbar when nothing is selected. */
function updateToolbar(tools: Tools): void {
  const { toolbar } = tools;
  const quote = quoteFromSelection(tools.transcript, tools.source.authors);
  if (!quote) {
    // Reaching for the toolbar by keyboard keeps the quote it was opened for.
    if (!toolbar.contains(document.activeElement)) toolbar.hidden = true;
    return;
  }
  tools.current = quote;
  const selection = window.getSelection();
  const rect = selection && selection.rangeCount > 0 ? selection.getRangeAt(0).getBoundingClientRect() : undefined;
  toolbar.hidden = false;
  if (rect) {
    // Below the selection: touch browsers put their own selection menu above it.
    toolbar.style.top = `${window.scrollY + rect.bottom + 8}px`;
    toolbar.style.left = `${Math.max(8, Math.min(window.scrollX + rect.left, window.scrollX + document.documentElement.clientWidth - toolbar.offsetWidth - 8))}px`;
  }
}

/** The toolbar follows the selection once it settles. */
function followSelection(tools: Tools): void {
  let timer = 0;
  document.addEventListener('selectionchange', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => updateToolbar(tools), 120);
  });
}

/** Alt+Q opens the toolbar for the selection and focuses its first button; Escape hides it. */
function listenForKeys(tools: Tools): void {
  const { toolbar } = tools;
  document.addEventListener('keydown', (event) => {
    if (event.altKey && event.key.toLowerCase() === 'q') {
      updateToolbar(tools);
      if (!toolbar.hidden) toolbar.querySelector('button')?.focus();
      event.preventDefault();
    } else if (event.key === 'Escape' && !toolbar.hidden) {
      toolbar.hidden = true;
    }
  });
}

/** The toolbar's buttons: copy the link to the quote, or open the dialog with its citations. */
function listenToToolbar(tools: Tools): void {
  const { toolbar, dialog, status, source } = tools;
  // Pressing a toolbar button must not clear the selection it acts on.
  toolbar.addEventListener('mousedown', (event) => event.preventDefault());
  toolbar.addEventListener('click', (event) => {
    const { current } = tools;
    const action = (event.target as HTMLElement).closest('button')?.dataset['action'];
    if (!current || !action) return;
    const link = withMoment(quoteUrl(location.href, current.selector), current.moment);
    if (action === 'link') {
      const moment = current.moment;
      void copy(link).then(() => announce(status, `Link to the quote copied${playsFrom(moment)}.`));
    } else {
      fillCitation(dialog, source, current, link);
      dialog.showModal();
    }
  });
}

/** The dialog's buttons copy a citation's plain text. */
function listenToDialog({ dialog, status }: Tools): void {
  dialog.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-copy]');
    if (!button) return;
    const text = dialog.querySelector<HTMLElement>(`[data-citation="${button.dataset['copy']}"]`)?.dataset['text'] ?? '';
    void copy(text).then(() => announce(status, `${button.dataset['copy'] === 'bibtex' ? 'BibTeX' : 'Markdown'} citation copied.`));
  });
}

/** Elsewhere on the page, clicking copies too: the talk's citation, and a passage's permalink with its moment in the recording. */
function copyOnClick(status: HTMLElement): void {
  document.addEventListener('click', (event) => {
    const target = event.target as HTMLElement;
    const copyButton = target.closest<HTMLButtonElement>('.cite-talk button[data-copy-code]');
    if (copyButton) {
      void copy(copyButton.parentElement?.querySelector('pre')?.textContent ?? '').then(() => announce(status, 'Citation copied.'));
      return;
    }
    const permalink = target.closest<HTMLAnchorElement>('a.permalink');
    if (permalink) {
      const moment = momentOf(permalink.closest('.passage, .turn') ?? permalink);
      const page = new URL(location.href);
      page.search = '';
      void copy(withMoment(new URL(permalink.getAttribute('href') ?? '', page).toString(), moment)).then(() =>
        announce(status, `Link to this passage copied${playsFrom(moment)}.`),
      );
    }
  });
}

/** Fills the dialog's Shiki-highlighted templates with this quote, keeping plain text for copying. */
function fillCitation(dialog: HTMLDialogElement, source: CitationSource, quote: Quote, link: string): void {
  const texts = {
    markdown: markdownQuote(quote.selector.exact, quote.speaker, source, link),
    bibtex: bibtex(source, { text: quote.selector.exact, speaker: quote.speaker, url: link }),
  };
  const escape = { markdown: (value: string) => value, bibtex: escapeBibtex };
  for (const kind of ['markdown', 'bibtex'] as const) {
    const block = dialog.querySelector<HTMLElement>(`[data-citation="${kind}"]`);
    const template = block?.querySelector<HTMLTemplateElement>('template');
    if (!block || !template) continue;
    block.dataset['text'] = texts[kind];
    // Replaced by functions: a string replacement would read $&, $' and $` in a quote as patterns.
    const html = template.innerHTML
      .replaceAll(PLACEHOLDERS.text, () => escapeHtml(escape[kind](quote.selector.exact)))
      .replaceAll(PLACEHOLDERS.speaker, () => escapeHtml(escape[kind](quote.speaker)))
      .replaceAll(PLACEHOLDERS.link, () => escapeHtml(link));
    block.querySelector('.citation-view')?.remove();
    block.insertAdjacentHTML('afterbegin', `<div class="citation-view">${html}</div>`);
  }
}

async function copy(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Older browsers and insecure origins: copy through a temporary selection.
    const area = document.createElement('textarea');
    area.value = text;
    document.body.append(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
}
