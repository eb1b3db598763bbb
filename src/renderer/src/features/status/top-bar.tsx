import type { ReactNode } from 'react';
import { useAppStore } from '../../app-store';
import { CopyButton } from '../../components/copy-button';

/** App title, the local capture URL with its copy button, and a slot for the public URL. */
export function TopBar({ publicUrlSlot }: { publicUrlSlot?: ReactNode }): React.JSX.Element {
  const status = useAppStore((s) => s.status);
  const disconnected = useAppStore((s) => s.connection === 'disconnected');
  return (
    <header className="top-bar">
      <h1 className="brand">Hooklens</h1>
      <div className="url-group" role="group" aria-label="Local capture URL">
        <span className="url-label">Local</span>
        <output className="url-text" aria-label="Capture URL" title={status?.captureUrl}>
          {status?.captureUrl ?? '…'}
        </output>
        {status && <CopyButton text={status.captureUrl} label="Copy local URL" caption="icon" />}
        {status?.capturePortFallback && (
          <span className="warning-text" role="note">
            port {status.capturePortFallback.requested} was taken
          </span>
        )}
      </div>
      {publicUrlSlot}
      {disconnected && (
        <span role="status" className="warning-text">
          Disconnected from Hooklens, retrying…
        </span>
      )}
    </header>
  );
}
