/* Paste a cURL command; it opens in the editor as a new request (not tied to any capture). */
import { useState } from 'react';
import type { ImportedRequest } from '../../../../shared/replay/types';
import { useAppStore } from '../../app-store';

export function ImportCurl({
  onImported,
  onCancel,
}: {
  onImported(result: ImportedRequest): void;
  onCancel(): void;
}): React.JSX.Element {
  const importCurl = useAppStore((s) => s.importCurl);
  const [command, setCommand] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="replay-import"
      aria-label="Import cURL command"
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        importCurl(command).then(onImported, (err: Error) => setError(err.message));
      }}
    >
      <textarea
        className="mono"
        aria-label="cURL command"
        rows={6}
        spellCheck={false}
        placeholder="curl -X POST http://localhost:3000/webhook -H 'Content-Type: application/json' -d '{…}'"
        value={command}
        onChange={(e) => setCommand(e.target.value)}
      />
      {error && (
        <p role="alert" className="replay-error">
          {error}
        </p>
      )}
      <div className="replay-actions">
        <button type="submit" className="primary" disabled={!command.trim()}>
          Import
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
