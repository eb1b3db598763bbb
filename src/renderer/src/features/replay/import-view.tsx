/*
 * Requests brought in from a HAR file or a cURL command. They belong to no capture: each opens in
 * the request editor to be sent to a local server, with the answer and the history of imported
 * sends below. Reached from the list toolbar and the empty state.
 */
import { useEffect, useState } from 'react';
import { useAppStore } from '../../app-store';
import type { ImportSource } from '../../store/view-slice';
import { NO_CAPTURE } from '../../store/replay-slice';
import { HarImportForm } from './har-import-form';
import { HistoryList } from './history-list';
import { ImportCurl } from './import-curl';
import { modelFromRequest } from './replay-panel';
import { RequestEditor } from './request-editor';
import { PendingSend } from './pending-send';
import { ResponseView } from './response-view';
import './replay.css';

const SOURCES: [ImportSource, string][] = [
  ['har', 'HAR'],
  ['curl', 'cURL'],
];

export function ImportView({ source, onClose }: { source: ImportSource; onClose(): void }): React.JSX.Element {
  const imported = useAppStore((s) => s.imported);
  const shown = useAppStore((s) => s.replayShown[NO_CAPTURE] ?? null);
  const pending = useAppStore((s) => s.replayPending[NO_CAPTURE] !== undefined);
  const cancelReplay = useAppStore((s) => s.cancelReplay);
  const history = useAppStore((s) => s.replayHistory[NO_CAPTURE]);
  const openImport = useAppStore((s) => s.openImport);
  const openReplay = useAppStore((s) => s.openReplay);
  const loadHistory = useAppStore((s) => s.loadReplayHistory);
  const [open, setOpen] = useState<{ index: number; key: number } | null>(null);
  const [historyError, setHistoryError] = useState<string | null>(null);
  const requests = imported?.requests ?? [];
  const current = open ? requests[open.index] : undefined;

  const openRequest = (index: number): void => setOpen((prev) => ({ index, key: (prev?.key ?? 0) + 1 }));
  useEffect(() => {
    loadHistory(null).catch((err: Error) => setHistoryError(err.message));
  }, [loadHistory]);

  return (
    <section className="import-view replay-panel" aria-label="Import requests">
      <header className="import-header">
        <h2>Import</h2>
        <div role="radiogroup" aria-label="Import from" className="segmented">
          {SOURCES.map(([value, label]) => (
            <label key={value} className={source === value ? 'active' : ''}>
              <input type="radio" name="import-source" checked={source === value} onChange={() => openImport(value)} />
              {label}
            </label>
          ))}
        </div>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </header>

      {source === 'har' ? (
        <HarImportForm onImported={() => openRequest(0)} />
      ) : (
        <ImportCurl onImported={() => openRequest(0)} onCancel={onClose} />
      )}

      {imported && (
        <>
          <h3 className="replay-section-title">
            Imported from {imported.source === 'har' ? 'HAR' : 'cURL'} ({requests.length})
          </h3>
          {imported.warnings.map((w) => (
            <p key={w} className="warning-text" role="note">
              {w}
            </p>
          ))}
          {requests.length === 0 ? (
            <p className="muted">The HAR file holds no requests.</p>
          ) : (
            <ul className="replay-history" aria-label="Imported requests">
              {requests.map((r, i) => (
                <li key={i}>
                  <button
                    type="button"
                    className={open?.index === i ? 'selected' : ''}
                    aria-current={open?.index === i ? 'true' : undefined}
                    onClick={() => openRequest(i)}
                  >
                    <span className="mono">{r.request.method}</span>
                    <span className="mono import-url">{r.request.url}</span>
                    {r.warnings.length > 0 && <span className="muted">{r.warnings.length} note(s)</span>}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}

      {current && open && (
        <>
          {current.warnings.map((w) => (
            <p key={w} className="warning-text" role="note">
              {w}
            </p>
          ))}
          <RequestEditor
            key={open.key}
            initial={modelFromRequest(current.request)}
            captureId={null}
            signing={null}
            originalBody={null}
            shownIn={null}
          />
        </>
      )}

      {pending ? <PendingSend onCancel={() => void cancelReplay(null)} /> : shown && <ResponseView entry={shown} />}

      <h3 className="replay-section-title">Sent imported requests</h3>
      {historyError && (
        <p role="alert" className="replay-error">
          {historyError}
        </p>
      )}
      <HistoryList items={history ?? []} selectedId={shown?.id ?? null} onOpen={(id) => void openReplay(null, id)} />
    </section>
  );
}
