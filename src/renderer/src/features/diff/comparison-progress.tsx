/* While a comparison runs: a labelled progress bar with the phase, and Cancel; once cancelled, a way to run it again. */
import { useId } from 'react';
import { describePhase, type DiffProgress } from '../../../../shared/diff';

export function ComparisonProgress({
  progress,
  onCancel,
}: {
  progress: DiffProgress | null;
  onCancel(): void;
}): React.JSX.Element {
  const labelId = useId();
  const phaseId = useId();
  return (
    <div className="diff-progress" role="group" aria-label="Diff progress">
      <span id={labelId}>Comparing…</span>
      {/* Without a value a <progress> shows as indeterminate: nothing has been measured yet. */}
      <progress
        aria-labelledby={labelId}
        aria-describedby={phaseId}
        max={100}
        value={progress ? progress.percent : undefined}
      />
      <span id={phaseId} className="muted">
        {progress ? `${describePhase(progress.phase)}: ${progress.percent} %` : 'Starting'}
      </span>
      <button type="button" onClick={onCancel}>
        Cancel diff
      </button>
    </div>
  );
}

export function ComparisonCancelled({ onRerun }: { onRerun(): void }): React.JSX.Element {
  return (
    <div className="diff-progress" role="status">
      <span>Diff cancelled.</span>
      <button type="button" onClick={onRerun}>
        Run the diff again
      </button>
    </div>
  );
}
