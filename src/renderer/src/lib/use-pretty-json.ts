/*
 * Pretty JSON for the body view. Small bodies are re-indented at once; from LARGE_BODY_BYTES on the
 * work goes to a worker of its own per body (terminated when the body is closed), so opening a
 * large body never holds the UI thread. Where no worker can start, the work runs after a paint.
 */
import { useEffect, useState } from 'react';
import { prettyJson } from './pretty-json';
import type { PrettyReply } from './pretty-worker';

/** From this size on, a body's text is handled as large: formatted off the thread, shown unwrapped. */
export const LARGE_BODY_BYTES = 1024 * 1024;

export type PrettyState = { status: 'pending' } | { status: 'ready'; pretty: string | null };

export function usePrettyJson(text: string | null): PrettyState {
  const small = text === null || text.length < LARGE_BODY_BYTES;
  const [state, setState] = useState<PrettyState>(() =>
    small ? { status: 'ready', pretty: text === null ? null : prettyJson(text) } : { status: 'pending' },
  );
  useEffect(() => {
    if (text === null) return setState({ status: 'ready', pretty: null });
    if (text.length < LARGE_BODY_BYTES) return setState({ status: 'ready', pretty: prettyJson(text) });
    setState({ status: 'pending' });
    let live = true;
    let worker: Worker | null = null;
    const inline = (): ReturnType<typeof setTimeout> =>
      setTimeout(() => live && setState({ status: 'ready', pretty: prettyJson(text) }), 50);
    try {
      worker = new Worker(new URL('./pretty-worker.ts', import.meta.url), { type: 'module', name: 'hooklens-pretty' });
      worker.onmessage = (e: MessageEvent<PrettyReply>) => live && setState({ status: 'ready', pretty: e.data.pretty });
      worker.onerror = (e) => {
        e.preventDefault();
        inline();
      };
      worker.postMessage({ seq: 1, text });
    } catch {
      inline();
    }
    return () => {
      live = false;
      worker?.terminate();
    };
  }, [text]);
  return state;
}
