import { reanchor } from '../../lib/quotes/reanchor.ts';
import { selectorFromLocation } from '../../lib/quotes/quote-url.ts';
import { readPageText } from './page-text.ts';

/**
 * Opens a quote link: re-finds the quote in the transcript as it is now,
 * marks it and scrolls it into view. When the quote is gone, it says so and
 * shows the closest passage rather than leaving the reader at the top.
 */
export function showLinkedQuote(transcript: HTMLElement): void {
  const selector = selectorFromLocation(location.search, location.hash);
  if (!selector) return;
  const text = readPageText(transcript);
  const match = reanchor(text.passages, selector);
  if (match.status === 'missing') {
    const closest = match.passageId ? document.getElementById(match.passageId) : null;
    closest?.classList.add('quote-closest');
    const notice = document.createElement('p');
    notice.className = 'notice quote-notice';
    notice.setAttribute('role', 'status');
    const words = selector.end === undefined ? selector.exact : `${selector.exact} … ${selector.end}`;
    notice.textContent = `The quoted words (“${words.slice(0, 120)}${words.length > 120 ? '…' : ''}”) are no longer in this transcript. ${closest ? 'The closest passage is marked below.' : ''}`;
    transcript.prepend(notice);
    (closest ?? notice).scrollIntoView({ block: 'center' });
    return;
  }
  const first = text.mark(match.start, match.end);
  if (match.status === 'fuzzy' && first) first.title = 'The transcript was corrected since this link was made; this is the closest wording.';
  first?.scrollIntoView({ block: 'center' });
}
