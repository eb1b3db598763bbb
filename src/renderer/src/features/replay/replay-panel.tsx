/*
 * The Replay tab of a capture: one-click Replay to the remembered target, Edit & replay, the
 * response of the latest (or a reopened) send, this capture's history, cURL and HAR export and
 * cURL import. Replaying never changes the capture. Settings, history and the shown response live
 * in the replay slice; what is being typed (target, timeout, the editor) is this view's own.
 * The response sits beside the editor when the pane is wide; otherwise it is scrolled into view
 * and focused when it arrives. While a send waits, a spinner and Cancel take its place.
 */
import { useEffect, useRef, useState } from 'react';
import type { CaptureRecord } from '../../../../shared/capture';
import type { ReplayDraft, ReplayRequest } from '../../../../shared/replay/types';
import { useAppStore } from '../../app-store';
import { historyKey } from '../../store/replay-slice';
import { downloadText } from '../../lib/download';
import { PendingSend } from './pending-send';
import { HistoryList } from './history-list';
import { ImportCurl } from './import-curl';
import { RequestEditor, type EditorModel } from './request-editor';
import { ResponseView } from './response-view';
import './replay.css';

type Mode = 'idle' | 'edit' | 'import';

interface EditorSession {
  key: number;
  initial: EditorModel;
  captureId: string | null;
  draft: ReplayDraft | null;
  warnings: string[];
}

/** Rows the core sets itself when sending; hidden when a sent request is reopened for editing. */
const CLIENT_SET = /^(host|content-length|connection)$/i;

export function modelFromRequest(request: ReplayRequest): EditorModel {
  return {
    method: request.method,
    url: request.url,
    headers: request.headers
      .filter(([n]) => !CLIENT_SET.test(n))
      .map(([name, value]) => ({ name, value, enabled: true })),
    body: request.body,
  };
}

export function ReplayPanel({ capture }: { capture: CaptureRecord }): React.JSX.Element {
  return <ReplayPanelFor key={capture.id} capture={capture} />;
}

function ReplayPanelFor({ capture }: { capture: CaptureRecord }): React.JSX.Element {
  const settings = useAppStore((s) => s.replaySettings);
  const history = useAppStore((s) => s.replayHistory[historyKey(capture.id)]);
  const current = useAppStore((s) => s.replayShown[historyKey(capture.id)] ?? null);
  const pendingId = useAppStore((s) => s.replayPending[historyKey(capture.id)] ?? null);
  const result = useRef<HTMLDivElement>(null);
  const waited = useRef(false);
  const actions = useAppStore.getState();
  const [mode, setMode] = useState<Mode>('idle');
  const [session, setSession] = useState<EditorSession | null>(null);
  const [targetDraft, setTargetDraft] = useState<string | null>(null);
  const [timeoutDraft, setTimeoutDraft] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  // Exports show references to the secret store in place of secrets unless this is ticked.
  const [includeSecrets, setIncludeSecrets] = useState(false);

  const loadHistory = useAppStore((s) => s.loadReplayHistory);
  useEffect(() => {
    loadHistory(capture.id).catch((err: Error) => setError(err.message));
  }, [capture.id, loadHistory]);

  // Waiting: the spinner comes into view. Answered: the response does, with focus, so a keyboard
  // or screen-reader user lands on it too.
  useEffect(() => {
    const el = result.current;
    if (!el) return;
    if (pendingId) {
      waited.current = true;
      el.scrollIntoView({ block: 'nearest' });
    } else if (waited.current) {
      const response = el.querySelector<HTMLElement>('.replay-response');
      if (!response) return;
      waited.current = false;
      response.scrollIntoView({ block: 'nearest' });
      response.focus({ preventScroll: true });
    }
  }, [pendingId, current?.id]);

  const target = targetDraft ?? settings?.targetBase ?? '';
  const timeoutSec = timeoutDraft ?? (settings ? String(settings.timeoutMs / 1000) : '');

  const run = async (what: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setError(null);
    setNote(null);
    try {
      await what();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const saveTarget = (): void => {
    setTargetDraft(null);
    if (!settings || target.trim() === settings.targetBase) return;
    void run(() => actions.updateReplaySettings({ targetBase: target }));
  };

  const saveTimeout = (): void => {
    setTimeoutDraft(null);
    const timeoutMs = Math.round(Number(timeoutSec) * 1000);
    if (!settings || settings.timeoutMs === timeoutMs) return;
    void run(() => actions.updateReplaySettings({ timeoutMs }));
  };

  const openEditor = (
    initial: EditorModel,
    captureId: string | null,
    draft: ReplayDraft | null,
    warnings: string[] = [],
  ): void => {
    setSession((prev) => ({ key: (prev?.key ?? 0) + 1, initial, captureId, draft, warnings }));
    setMode('edit');
  };

  const editCapture = (): Promise<void> =>
    run(async () => {
      const draft = await actions.getReplayDraft(capture.id);
      openEditor({ method: draft.method, url: draft.url, headers: draft.headers, body: draft.body }, capture.id, draft);
    });

  const copyCurl = (source: Parameters<typeof actions.exportCurl>[0]): Promise<void> =>
    run(async () => {
      await navigator.clipboard.writeText(await actions.exportCurl(source));
      setNote('cURL command copied.');
    });

  return (
    <div className="replay-panel">
      <div className="replay-toolbar">
        <button
          type="button"
          className="primary"
          disabled={busy || pendingId !== null}
          onClick={() => void run(async () => void (await actions.replayCapture(capture.id)))}
        >
          Replay
        </button>
        <button type="button" disabled={busy} onClick={() => void editCapture()}>
          Edit &amp; replay
        </button>
        <label className="replay-target">
          <span>Target</span>
          <input
            className="mono"
            value={target}
            spellCheck={false}
            disabled={!settings}
            onChange={(e) => setTargetDraft(e.target.value)}
            onBlur={saveTarget}
            onKeyDown={(e) => e.key === 'Enter' && saveTarget()}
          />
        </label>
        <label className="replay-target">
          <span>Timeout (s)</span>
          <input
            type="number"
            min={0.1}
            max={600}
            step="any"
            className="replay-timeout"
            value={timeoutSec}
            disabled={!settings}
            onChange={(e) => setTimeoutDraft(e.target.value)}
            onBlur={saveTimeout}
          />
        </label>
        <button type="button" onClick={() => void copyCurl({ captureId: capture.id, includeSecrets })}>
          Copy as cURL
        </button>
        <button
          type="button"
          onClick={() =>
            void run(async () => {
              const har = await actions.exportHar({ captureIds: [capture.id], includeReplays: true, includeSecrets });
              downloadText(`hooklens-${capture.id}.har`, har, 'application/json');
            })
          }
        >
          Export HAR
        </button>
        <label className="replay-include-secrets">
          <input type="checkbox" checked={includeSecrets} onChange={(e) => setIncludeSecrets(e.target.checked)} />{' '}
          Include secrets in exports
        </label>
        <button type="button" onClick={() => setMode('import')}>
          Import cURL
        </button>
      </div>
      {error && (
        <p role="alert" className="replay-error">
          {error}
        </p>
      )}
      {note && (
        <p role="status" className="muted">
          {note}
        </p>
      )}

      <div className={mode !== 'idle' && (pendingId || current) ? 'replay-work replay-work-split' : 'replay-work'}>
        <div className="replay-main">
          {mode === 'import' && (
            <ImportCurl
              onCancel={() => setMode(session ? 'edit' : 'idle')}
              onImported={(result) => openEditor(modelFromRequest(result.request), null, null, result.warnings)}
            />
          )}
          {mode === 'edit' && session && (
            <>
              {session.captureId === null && <p className="muted">Imported request (not linked to this capture).</p>}
              {session.warnings.map((w) => (
                <p key={w} className="warning-text">
                  {w}
                </p>
              ))}
              <RequestEditor
                key={session.key}
                initial={session.initial}
                captureId={session.captureId}
                signing={session.draft?.signing ?? null}
                originalBody={session.draft ? session.draft.body : null}
                shownIn={capture.id}
                endpointId={capture.endpointId}
              />
            </>
          )}
        </div>

        <div className="replay-result" ref={result}>
          {pendingId ? (
            <PendingSend onCancel={() => void run(() => actions.cancelReplay(capture.id))} />
          ) : current ? (
            <>
              <ResponseView entry={current} />
              <div className="replay-actions">
                <button
                  type="button"
                  onClick={() =>
                    openEditor(modelFromRequest(current.request), current.captureId, session?.draft ?? null)
                  }
                >
                  Edit this request
                </button>
                <button type="button" onClick={() => void copyCurl({ replayId: current.id, includeSecrets })}>
                  Copy this send as cURL
                </button>
              </div>
            </>
          ) : null}
        </div>
      </div>

      <h3 className="replay-section-title">History</h3>
      <HistoryList
        items={history ?? []}
        selectedId={current?.id ?? null}
        onOpen={(id) => void run(() => actions.openReplay(capture.id, id))}
      />
    </div>
  );
}
