/* Replay tools for the capture list: auto-forward and HAR export of the ticked captures or all. */
import { useState } from 'react';
import { useAppStore } from '../../app-store';
import { AutoForwardToggle } from './auto-forward-toggle';
import './replay.css';
import { downloadText } from '../../lib/download';

export function ReplaySidebarTools(): React.JSX.Element {
  const checked = useAppStore((s) => s.checked);
  const count = useAppStore((s) => s.captureTotal);
  const exportHarText = useAppStore((s) => s.exportHar);
  const [error, setError] = useState<string | null>(null);
  const [includeSecrets, setIncludeSecrets] = useState(false);

  const exportHar = (captureIds?: string[]): void => {
    setError(null);
    exportHarText({ ...(captureIds ? { captureIds } : {}), includeReplays: true, includeSecrets }).then(
      (text) =>
        downloadText(`hooklens-${new Date().toISOString().replace(/[:.]/g, '-')}.har`, text, 'application/json'),
      (err: Error) => setError(err.message),
    );
  };

  return (
    <div className="replay-sidebar-tools">
      <AutoForwardToggle />
      <div className="replay-actions" role="group" aria-label="Export HAR">
        <button type="button" disabled={checked.length === 0} onClick={() => exportHar(checked)}>
          Export selected as HAR{checked.length ? ` (${checked.length})` : ''}
        </button>
        <button type="button" disabled={count === 0} onClick={() => exportHar()}>
          Export all as HAR
        </button>
        <label className="replay-include-secrets">
          <input type="checkbox" checked={includeSecrets} onChange={(e) => setIncludeSecrets(e.target.checked)} />{' '}
          Include secrets
        </label>
      </div>
      {error && (
        <p role="alert" className="replay-error">
          {error}
        </p>
      )}
    </div>
  );
}
