/* A HAR file, picked or pasted; its requests open in the import view (none of them is a capture). */
import { useId, useState } from 'react';
import { useAppStore } from '../../app-store';

/** HAR files from a browser can be large; beyond this the paste box would only slow the page. */
const MAX_HAR_BYTES = 50 * 1024 * 1024;

export function HarImportForm({ onImported }: { onImported(): void }): React.JSX.Element {
  const id = useId();
  const importHar = useAppStore((s) => s.importHar);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (har: string): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await importHar(har);
      onImported();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="replay-import"
      aria-label="Import HAR"
      onSubmit={(e) => {
        e.preventDefault();
        void run(text);
      }}
    >
      <div className="wb-row">
        <label htmlFor={`${id}-file`}>HAR file</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".har,.json,application/json"
          disabled={busy}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (!file) return;
            if (file.size > MAX_HAR_BYTES) return setError(`${file.name} is larger than 50 MB.`);
            file.text().then(run, (err: Error) => setError(`Could not read ${file.name}: ${err.message}`));
          }}
        />
      </div>
      <label htmlFor={`${id}-text`}>Or paste the HAR text</label>
      <textarea
        id={`${id}-text`}
        className="mono"
        rows={6}
        spellCheck={false}
        placeholder='{"log": {"version": "1.2", "entries": […]}}'
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      {error && (
        <p role="alert" className="replay-error">
          {error}
        </p>
      )}
      <div className="replay-actions">
        <button type="submit" className="primary" disabled={busy || !text.trim()}>
          Import
        </button>
      </div>
    </form>
  );
}
