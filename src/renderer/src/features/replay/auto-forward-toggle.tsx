/*
 * Auto-forward: a switch, the target, the attempt budget, and the latest attempts as they are
 * reported (so a retry in progress is visible, not silent). The settings are the replay slice's;
 * the target being typed is a draft until it is saved.
 */
import { useState } from 'react';
import type { ReplaySettings } from '../../../../shared/settings';
import type { ForwardAttempt } from '../../../../shared/replay/types';
import { useAppStore } from '../../app-store';
import { pathOf } from '../../lib/query-params';
import { moveSelectionTo } from '../workbench/keyboard';

const SHOWN = 5;

/** The capture an attempt forwarded, as a link that opens it (or its id when its row is not in the list: deleted, filtered out or not fetched). */
function AttemptCapture({ attempt }: { attempt: ForwardAttempt }): React.JSX.Element {
  const capture = useAppStore((s) => s.rows.find((c) => c?.id === attempt.captureId));
  if (!capture) return <span className="muted mono">{attempt.captureId}</span>;
  const label = `${capture.method} ${pathOf(capture.url)}`;
  return (
    <button
      type="button"
      className="link-button mono"
      title={`Open ${label}`}
      onClick={() => moveSelectionTo(capture.id)}
    >
      {label}
    </button>
  );
}

export function AutoForwardToggle(): React.JSX.Element {
  const settings = useAppStore((s) => s.replaySettings);
  const attempts = useAppStore((s) => s.forwardAttempts);
  const update = useAppStore((s) => s.updateReplaySettings);
  const [targetDraft, setTargetDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (!settings) return <div className="auto-forward muted">Auto-forward…</div>;
  const target = targetDraft ?? settings.forwardTarget;

  const save = (patch: Partial<ReplaySettings>): void => {
    setError(null);
    setTargetDraft(null);
    update(patch).catch((err: Error) => setError(err.message));
  };

  return (
    <div className="auto-forward" role="group" aria-label="Auto-forward">
      <label>
        <input
          type="checkbox"
          checked={settings.forwardEnabled}
          onChange={(e) => save({ forwardEnabled: e.target.checked, forwardTarget: target })}
        />{' '}
        Auto-forward to
      </label>
      <input
        className="mono"
        aria-label="Auto-forward target"
        aria-invalid={error ? true : undefined}
        value={target}
        spellCheck={false}
        onChange={(e) => setTargetDraft(e.target.value)}
        onBlur={() => (target !== settings.forwardTarget ? save({ forwardTarget: target }) : setTargetDraft(null))}
      />
      <label className="muted">
        attempts{' '}
        <input
          type="number"
          min={1}
          max={20}
          aria-label="Auto-forward max attempts"
          value={settings.forwardMaxAttempts}
          onChange={(e) => save({ forwardMaxAttempts: Number(e.target.value) })}
        />
      </label>
      {error && (
        <span role="alert" className="replay-error">
          {error}
        </span>
      )}
      {attempts.length > 0 && (
        <ul className="auto-forward-attempts" aria-label="Auto-forward attempts" aria-live="polite">
          {attempts.slice(0, SHOWN).map((a) => (
            <li
              key={`${a.captureId}-${a.attempt}`}
              title={`Sent to ${a.url}`}
              className={a.state === 'delivered' ? 'status-ok' : a.state === 'failed' ? 'status-error' : 'status-warn'}
            >
              <AttemptCapture attempt={a} />{' '}
              {a.state === 'delivered' ? 'Delivered' : a.state === 'failed' ? 'Failed' : 'Retrying'} ({a.attempt}/
              {a.maxAttempts}) {a.status ?? a.error}
              {a.nextDelayMs !== undefined ? ` · next try in ${Math.round(a.nextDelayMs / 100) / 10} s` : ''}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
