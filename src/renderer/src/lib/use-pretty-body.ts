/*
 * The body's pretty view. Small bodies are worked out at once; from LARGE_BODY_BYTES on the work
 * goes to a worker of its own per body (terminated when the body is closed), so opening a large
 * body never holds the UI thread. Where no worker can start, the work runs after a paint.
 */
import { useEffect, useMemo, useState } from 'react';
import type { CapturedBody } from '../../../shared/capture';
import { prettyBody, type PrettyChoice } from './body-pretty';

/** From this size on, a body is handled as large: its pretty view made off the thread, text shown unwrapped. */
export const LARGE_BODY_BYTES = 1024 * 1024;

export type PrettyState = { status: 'pending' } | ({ status: 'ready' } & PrettyChoice);

const isLarge = (body: CapturedBody): boolean => body.size >= LARGE_BODY_BYTES;

interface Finished {
  body: CapturedBody;
  contentType: string | undefined;
  choice: PrettyChoice;
}

export function usePrettyBody(body: CapturedBody, contentType: string | undefined): PrettyState {
  const large = isLarge(body);
  const small = useMemo(() => (large ? null : prettyBody(body, contentType)), [large, body, contentType]);
  // The worker's answer, kept with the body it is for: another body shows as pending until its own comes.
  const [finished, setFinished] = useState<Finished | null>(null);
  useEffect(() => {
    if (!isLarge(body)) return;
    let live = true;
    let worker: Worker | null = null;
    const finish = (choice: PrettyChoice): void => {
      if (live) setFinished({ body, contentType, choice });
    };
    const inline = (): void => {
      setTimeout(() => live && finish(prettyBody(body, contentType)), 50);
    };
    try {
      worker = new Worker(new URL('./pretty-worker.ts', import.meta.url), { type: 'module', name: 'hooklens-pretty' });
      worker.onmessage = (e: MessageEvent<PrettyChoice>) => finish(e.data);
      worker.onerror = (e) => {
        e.preventDefault();
        inline();
      };
      worker.postMessage({ body, contentType });
    } catch {
      inline();
    }
    return () => {
      live = false;
      worker?.terminate();
    };
  }, [body, contentType]);
  return useMemo<PrettyState>(() => {
    if (small) return { status: 'ready', ...small };
    if (finished && finished.body === body && finished.contentType === contentType)
      return { status: 'ready', ...finished.choice };
    return { status: 'pending' };
  }, [small, finished, body, contentType]);
}
