/* Above the list: the count, Compare, Clear all, the ways in for HAR and cURL imports, and errors of list actions. */
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../app-store';
import { formatCount } from '../../lib/format';

const IMPORTS = [
  ['har', 'Import HAR'],
  ['curl', 'Import cURL'],
] as const;

export function ImportButtons(): React.JSX.Element {
  const openImport = useAppStore((s) => s.openImport);
  return (
    <span className="import-buttons" role="group" aria-label="Import">
      {IMPORTS.map(([source, label]) => (
        <button key={source} type="button" onClick={() => openImport(source)}>
          {label}
        </button>
      ))}
    </span>
  );
}

export function ListToolbar(): React.JSX.Element {
  const { shown, count, checked, clearCaptures, deleteShown, openCompare, actionError, dismissError } = useAppStore(
    useShallow((s) => ({
      // The view's total (endpoint, search, health), not the rows fetched so far.
      shown: s.rows.length,
      count: s.captureTotal,
      checked: s.checked,
      clearCaptures: s.clearCaptures,
      deleteShown: s.deleteShown,
      openCompare: s.openCompare,
      actionError: s.captureActionError,
      dismissError: s.dismissCaptureActionError,
    })),
  );
  const [confirming, setConfirming] = useState(false);
  const narrowed = shown > 0 && shown < count;
  return (
    <>
      <div className="list-toolbar">
        <span className="muted" aria-live="polite">
          {formatCount(count)} {count === 1 ? 'request' : 'requests'}
        </span>
        <button
          type="button"
          disabled={checked.length !== 2}
          title={checked.length !== 2 ? 'Tick two captures to compare them' : undefined}
          onClick={() => void openCompare(checked[0], checked[1])}
        >
          Compare
        </button>
        {confirming ? (
          <span className="confirm" role="group" aria-label="Confirm clearing">
            {narrowed && (
              <button
                type="button"
                className="danger"
                onClick={() => {
                  setConfirming(false);
                  void deleteShown();
                }}
              >
                Delete the {formatCount(shown)} shown
              </button>
            )}
            <button
              type="button"
              className="danger"
              onClick={() => {
                setConfirming(false);
                void clearCaptures();
              }}
            >
              Delete all {formatCount(count)}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </span>
        ) : (
          <button type="button" disabled={count === 0} onClick={() => setConfirming(true)}>
            Clear all
          </button>
        )}
      </div>
      <div className="list-toolbar list-toolbar-secondary">
        <ImportButtons />
      </div>
      {actionError && (
        <p role="alert" className="list-error">
          {actionError}{' '}
          <button type="button" onClick={dismissError}>
            Dismiss
          </button>
        </p>
      )}
    </>
  );
}
