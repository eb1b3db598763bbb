/*
 * Auto-forward: a switch, the target, the attempt budget, and the latest attempts as they are
 * reported (so a retry in progress is visible, not silent).
 */
import { useEffect, useRef, useState } from 'react';
import type { ForwardAttempt } from '../../../../shared/replay/types';
import type { ReplaySettings } from '../../../../shared/settings';
import { api } from '../../api/client';

const SHOWN = 5;

export function AutoForwardToggle(): React.JSX.Element {
  const [settings, setSettings] = useState<ReplaySettings | null>(null);
  const [target, setTarget] = useState('');
  const [attempts, setAttempts] = useState<ForwardAttempt[]>([]);
  const [error, setError] = useState<string | null>(null);
  // Answers to earlier saves (and their events) must not undo a later optimistic change.
  const latestSave = useRef(0);
  const inFlight = useRef(0);

  useEffect(() => {
    let live = true;
    void api.getReplaySettings().then((s) => {
      if (!live) return;
      setSettings(s);
      setTarget(s.forwardTarget);
    });
    void api.listForwardAttempts().then((a) => live && setAttempts(a.slice(0, SHOWN)));
    const offs = [
      api.on('replay:forward-attempt', (a) => setAttempts((prev) => [a, ...prev].slice(0, SHOWN))),
      api.on('replay:settings-changed', (s) => {
        if (inFlight.current === 0) setSettings(s);
      }),
    ];
    return () => {
      live = false;
      offs.forEach((off) => off());
    };
  }, []);

  // Optimistic, so the switch answers the click at once; the core's answer (or refusal) follows.
  const save = (patch: Partial<ReplaySettings>): void => {
    const before = settings;
    const seq = ++latestSave.current;
    inFlight.current += 1;
    setError(null);
    setSettings((s) => (s ? { ...s, ...patch } : s));
    api
      .updateReplaySettings(patch)
      .then(
        (next) => seq === latestSave.current && setSettings(next),
        (err: Error) => {
          if (seq === latestSave.current) setSettings(before);
          setError(err.message);
        },
      )
      .finally(() => (inFlight.current -= 1));
  };

  if (!settings) return <div className="auto-forward muted">Auto-forward…</div>;
  return (
    <div className="auto-forward" role="group" aria-label="Auto-forward">
      <label>
        <input type="checkbox" checked={settings.forwardEnabled} onChange={(e) => save({ forwardEnabled: e.target.checked, forwardTarget: target })} />{' '}
        Auto-forward to
      </label>
      <input
        className="mono"
        aria-label="Auto-forward target"
        aria-invalid={error ? true : undefined}
        value={target}
        spellCheck={false}
        onChange={(e) => setTarget(e.target.value)}
        onBlur={() => target !== settings.forwardTarget && save({ forwardTarget: target })}
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
          {attempts.map((a) => (
            <li key={`${a.captureId}-${a.attempt}`} className={a.state === 'delivered' ? 'status-ok' : a.state === 'failed' ? 'status-error' : 'status-warn'}>
              {a.state === 'delivered' ? 'Delivered' : a.state === 'failed' ? 'Failed' : 'Retrying'} ({a.attempt}/{a.maxAttempts}){' '}
              {a.status ?? a.error}
              {a.nextDelayMs !== undefined ? ` · next try in ${Math.round(a.nextDelayMs / 100) / 10} s` : ''}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
