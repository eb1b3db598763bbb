import type { RunningHooklens } from './app';

/** Calls the browser-mode API the way the UI does; a failed call throws the API's error. */
export async function callApi(app: RunningHooklens, method: string, ...args: unknown[]): Promise<unknown> {
  const res = await fetch(`${app.controlOrigin}/api/call/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Hooklens-Token': app.token },
    body: JSON.stringify({ args }),
  });
  const outcome = (await res.json()) as { ok: boolean; value?: unknown; error?: unknown };
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return outcome.value;
}
