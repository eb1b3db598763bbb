/* The toast of a delete still in its undo window: what went, and Undo (also Ctrl/Cmd+Z). */
import { useAppStore } from '../../app-store';
import { undoDeleteAndFocus } from '../workbench/keyboard';

export function UndoToast(): React.JSX.Element {
  const label = useAppStore((s) => s.pendingDelete?.label);
  // The live region stays mounted so screen readers announce each delete.
  return (
    <div className="toast-region" role="status" aria-label="Undo delete">
      {label && (
        <div className="toast">
          <span className="toast-text">{label}</span>
          <button type="button" onClick={undoDeleteAndFocus}>
            Undo
          </button>
        </div>
      )}
    </div>
  );
}
