/*
 * Browser mode with a missing, wrong or rotated access key: the server refuses every call, so
 * instead of an empty app this page says how to get the current address.
 */
export function AccessDenied(): React.JSX.Element {
  return (
    <main className="access-denied" aria-labelledby="access-denied-title">
      <h1 id="access-denied-title">This tab can no longer reach Hooklens</h1>
      <p>
        Its access key is missing or no longer valid: Hooklens was started with a new key (<code>--new-token</code>, or
        another data directory), or the key was rotated in Settings.
      </p>
      <p>To open Hooklens again, use its current address:</p>
      <ul>
        <li>
          the <code>Hooklens UI: http://127.0.0.1:…/?token=…</code> line that <code>hooklens serve</code> printed in its
          terminal, or
        </li>
        <li>
          run <code>hooklens serve --print-url</code> (add <code>--data-dir DIR</code> if you use one) on the machine
          running Hooklens.
        </li>
      </ul>
    </main>
  );
}
