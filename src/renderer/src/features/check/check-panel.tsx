/*
 * Check handler: plays the capture's provider (and an attacker) against the replay target and
 * scores the answers. The target and the equivalent CLI line are shown before anything is sent; a
 * target that is not this machine needs a confirmation, since the probes are forged requests.
 * Results stream in with a progress bar; each probe opens to the exact request and response.
 */
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../app-store';
import { CopyButton } from '../../components/copy-button';
import type { CheckRun } from '../../store/check-slice';
import { ProbeList } from './probe-list';
import './check.css';

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export function CheckPanel({
  captureId,
  onShowTab,
}: {
  captureId: string;
  onShowTab(key: string): void;
}): React.JSX.Element {
  const { planState, run, loadCheckPlan, startCheck } = useAppStore(
    useShallow((s) => ({
      planState: s.checkPlans[captureId],
      run: s.checkRuns[captureId],
      loadCheckPlan: s.loadCheckPlan,
      startCheck: s.startCheck,
    })),
  );
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    void loadCheckPlan(captureId);
  }, [captureId, loadCheckPlan]);

  if (!planState) return <p className="muted">Loading…</p>;
  if (!planState.plan) return <p role="status">Cannot check a handler from this capture: {planState.error}</p>;
  const plan = planState.plan;
  const busy = run?.status === 'starting' || run?.status === 'running';

  const begin = (): void => {
    if (!plan.loopback) setConfirming(true);
    else void startCheck(captureId);
  };

  return (
    <section className="check-panel" aria-label="Check handler">
      <p>
        Plays <strong>{plan.providerName}</strong> and an attacker against <code>{plan.target}</code>: valid, forged,
        unsigned, replayed, duplicate and out-of-order deliveries, scored against {plan.providerName}&apos;s delivery
        rules (timeout, retries, tolerance).
      </p>
      {!plan.hasSecret && (
        <p role="status" className="check-warning">
          No {plan.providerName} secret is stored for this endpoint: set it in the Signature tab, then check.
        </p>
      )}
      <div className="check-actions">
        <button type="button" className="primary" disabled={busy || !plan.hasSecret} onClick={begin}>
          {run && !busy ? 'Re-run check' : 'Check handler'}
        </button>
        <CopyButton text={plan.command} label="Copy as command" />
        <code className="check-command" aria-label="Equivalent command">
          {plan.command}
        </code>
      </div>
      {confirming && (
        <div role="alertdialog" aria-modal="false" aria-labelledby="check-remote-title" className="check-confirm">
          <p id="check-remote-title">
            <strong>{hostOf(plan.target)}</strong> is not this machine. The check sends forged and replayed webhooks to
            it. Send them?
          </p>
          <button
            type="button"
            className="danger"
            autoFocus
            onClick={() => {
              setConfirming(false);
              void startCheck(captureId, { allowRemote: true });
            }}
          >
            Send probes
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      )}
      {run && <RunView run={run} captureId={captureId} onShowTab={onShowTab} />}
    </section>
  );
}

function RunView({
  run,
  captureId,
  onShowTab,
}: {
  run: CheckRun;
  captureId: string;
  onShowTab(key: string): void;
}): React.JSX.Element {
  const total = run.planned.length;
  const done = run.results.length;
  if (run.status === 'unreachable') {
    return (
      <p role="alert" className="check-warning">
        Nothing was sent: {run.message}. Start the handler, or change the replay target.
      </p>
    );
  }
  if (run.status === 'failed') return <p role="alert">The check could not run: {run.message}</p>;
  const counts = { pass: 0, warn: 0, fail: 0 };
  for (const r of run.results) counts[r.verdict] += 1;
  return (
    <div className="check-run">
      {run.status !== 'done' ? (
        <div className="check-progress">
          <progress aria-label="Check progress" max={Math.max(total, 1)} value={done} />
          <span aria-live="polite">{total ? `${done} of ${total} probes` : 'Starting…'}</span>
          {run.planned[done] && <span className="muted">Running: {run.planned[done].title}…</span>}
        </div>
      ) : (
        <p className="check-summary" role="status" aria-label="Scorecard summary">
          <span className="verdict-pass">{counts.pass} passed</span>,{' '}
          <span className="verdict-warn">{counts.warn} warned</span>,{' '}
          <span className="verdict-fail">{counts.fail} failed</span>, {run.skipped.length} skipped
          {run.report ? ` in ${run.report.summary.ms} ms` : ''}. Every request is in the replay history.
        </p>
      )}
      <ProbeList
        results={run.results}
        skipped={run.status === 'done' ? run.skipped : []}
        captureId={captureId}
        onShowTab={onShowTab}
      />
    </div>
  );
}
