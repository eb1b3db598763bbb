/** Where the response will appear while a send waits: a spinner, the time so far, and Cancel. */
import { useEffect, useState } from 'react';

export function PendingSend({ onCancel }: { onCancel(): void }): React.JSX.Element {
  const [started] = useState(() => performance.now());
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setSeconds(Math.floor((performance.now() - started) / 1000)), 1000);
    return () => clearInterval(timer);
  }, [started]);
  return (
    <section className="replay-response replay-pending" aria-label="Response" aria-busy="true">
      <span className="spinner" aria-hidden="true" />
      <span role="status">Waiting for the target{seconds > 0 ? ` (${seconds} s)` : ''}…</span>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </section>
  );
}
