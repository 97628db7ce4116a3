import type { ValidationSummary } from './content-check.ts';

/**
 * Under `npm run build`, the content is checked once, by a process the build starts beside Astro's
 * (src/lib/output/content-process.ts), while Astro's process is still starting. Astro's process asks
 * the build for that check's summary with these messages, over the channel it sends rendered pages on,
 * instead of checking the content itself.
 */
export interface ContentCheckRequest {
  kind: 'archive:content-check';
}

/** The build's answer: the check's summary, or why there is none. */
export type ContentCheckAnswer = { kind: 'archive:content-checked'; summary: ValidationSummary } | { kind: 'archive:content-checked'; error: string };

export function isContentCheckRequest(message: unknown): message is ContentCheckRequest {
  return typeof message === 'object' && message !== null && (message as ContentCheckRequest).kind === 'archive:content-check';
}

export function isContentCheckAnswer(message: unknown): message is ContentCheckAnswer {
  return typeof message === 'object' && message !== null && (message as ContentCheckAnswer).kind === 'archive:content-checked';
}

/** In Astro's process under `npm run build`: the summary of the build's content check, once it has one. */
export function contentCheckedByTheBuild(send: (message: ContentCheckRequest) => void): Promise<ValidationSummary> {
  return new Promise((done, fail) => {
    const answer = (message: unknown) => {
      if (!isContentCheckAnswer(message)) return;
      // No listener left, so the channel does not keep the process running.
      process.off('message', answer);
      if ('error' in message) fail(new Error(message.error));
      else done(message.summary);
    };
    process.on('message', answer);
    send({ kind: 'archive:content-check' });
  });
}
