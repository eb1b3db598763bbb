/*
 * The body's pretty view. Small bodies are worked out at once; from LARGE_BODY_BYTES on the work
 * goes to a worker of its own per body (terminated when the body is closed), so opening a large
 * body never holds the UI thread. Where no worker can start, the work runs after a paint.
 */
import { useEffect, useState } from 'react';
import type { CapturedBody } from '../../../shared/capture';
import { prettyBody, type PrettyChoice } from './body-pretty';

/** From this size on, a body is handled as large: its pretty view made off the thread, text shown unwrapped. */
export const LARGE_BODY_BYTES = 1024 * 1024;

export type PrettyState = { status: 'pending' } | ({ status: 'ready' } & PrettyChoice);

const isLarge = (body: CapturedBody): boolean => body.size >= LARGE_BODY_BYTES;

export function usePrettyBody(body: CapturedBody, contentType: string | undefined): PrettyState {
  const [state, setState] = useState<PrettyState>(() =>
    isLarge(body) ? { status: 'pending' } : { status: 'ready', ...prettyBody(body, contentType) },
  );
  useEffect(() => {
    if (!isLarge(body)) return setState({ status: 'ready', ...prettyBody(body, contentType) });
    setState({ status: 'pending' });
    let live = true;
    let worker: Worker | null = null;
    const inline = (): void => {
      setTimeout(() => live && setState({ status: 'ready', ...prettyBody(body, contentType) }), 50);
    };
    try {
      worker = new Worker(new URL('./pretty-worker.ts', import.meta.url), { type: 'module', name: 'hooklens-pretty' });
      worker.onmessage = (e: MessageEvent<PrettyChoice>) => live && setState({ status: 'ready', ...e.data });
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
  return state;
}
