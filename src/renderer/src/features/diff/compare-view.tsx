/*
 * Two captures side by side: what differs in the request line, headers and body, with noise
 * filters that hide what always differs (timestamps, ids, signatures). The comparison is computed
 * once (in a worker when possible); noise toggles only filter it.
 */
import { useMemo, useState } from 'react';
import { applyNoise, comparisonText, compileNoise, describeNote, type CaptureSide } from '../../../../shared/diff';
import { useAppStore } from '../../app-store';
import { CopyButton } from '../../components/copy-button';
import { BodySection } from './body-section';
import { ComparisonCancelled, ComparisonProgress } from './comparison-progress';
import './compare-view.css';
import { NamedChangesTable } from './named-changes-table';
import { NoiseControls } from './noise-controls';
import { useNoisePrefs } from './noise-prefs';
import { SummaryTable } from './summary-table';
import { LOADING, useComparison, type ComparisonState } from './use-comparison';

export interface CompareViewProps {
  onClose(): void;
}

const BODY_HEADING = {
  json: 'Body (JSON)',
  form: 'Body (form fields)',
  text: 'Body (text)',
  binary: 'Body (binary)',
  empty: 'Body',
} as const;

function SideHeading({ side, label }: { side: CaptureSide; label: string }): React.JSX.Element {
  return (
    <div className="compare-side">
      <span className="muted">{label}</span>{' '}
      <span className="mono">
        {side.method} {side.url}
      </span>{' '}
      <time className="muted" dateTime={side.receivedAt}>
        {new Date(side.receivedAt).toLocaleString()}
      </time>
    </div>
  );
}

export function CompareView({ onClose }: CompareViewProps): React.JSX.Element {
  const pair = useAppStore((s) => s.comparePair);
  const [swapped, setSwapped] = useState(false);
  const ready = pair?.status === 'ready' ? pair : null;
  const [a, b] = ready ? (swapped ? [ready.right, ready.left] : [ready.left, ready.right]) : [null, null];
  const { state: compared, cancel, rerun } = useComparison(a, b);
  const state = useMemo<ComparisonState>(
    () =>
      pair?.status === 'error'
        ? { status: 'error', message: pair.message }
        : pair?.status === 'ready'
          ? compared
          : LOADING,
    [pair, compared],
  );
  const [prefs, setPrefs] = useNoisePrefs();
  const noise = useMemo(() => compileNoise(prefs), [prefs]);
  const filtered = useMemo(
    () => (state.status === 'ready' ? applyNoise(state.comparison, noise) : null),
    [state, noise],
  );

  return (
    <section className="compare-view" aria-label="Compare captures">
      <header className="compare-header">
        <h2>Compare</h2>
        <div className="compare-actions">
          <button type="button" onClick={() => setSwapped((s) => !s)}>
            Swap sides
          </button>
          {filtered && <CopyButton text={comparisonText(filtered)} label="Copy diff as text" />}
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </header>
      {state.status === 'loading' &&
        (pair?.status === 'ready' ? (
          <ComparisonProgress progress={state.progress} onCancel={cancel} />
        ) : (
          <p role="status" className="muted">
            Loading the captures…
          </p>
        ))}
      {state.status === 'cancelled' && <ComparisonCancelled onRerun={rerun} />}
      {state.status === 'error' && (
        <p role="alert" className="error">
          Could not compare: {state.message}
        </p>
      )}
      {filtered && (
        <>
          <div className="compare-sides">
            <SideHeading side={filtered.left} label="Left" />
            <SideHeading side={filtered.right} label="Right" />
          </div>
          <NoiseControls prefs={prefs} onChange={setPrefs} />
          <section className="compare-section" aria-labelledby="compare-summary">
            <h3 id="compare-summary">Summary</h3>
            <SummaryTable comparison={filtered} />
          </section>
          {(filtered.query.length > 0 || filtered.hidden.query > 0) && (
            <section className="compare-section" aria-labelledby="compare-query">
              <h3 id="compare-query">Query</h3>
              <NamedChangesTable
                label="Query changes"
                nameHeading="Parameter"
                changes={filtered.query}
                hidden={filtered.hidden.query}
              />
            </section>
          )}
          <section className="compare-section" aria-labelledby="compare-headers">
            <h3 id="compare-headers">Headers</h3>
            <NamedChangesTable
              label="Header changes"
              nameHeading="Header"
              changes={filtered.headers}
              hidden={filtered.hidden.headers}
            />
            {filtered.notes.length > 0 && (
              <ul className="diff-notes" aria-label="Header notes">
                {filtered.notes.map((n, i) => (
                  <li key={i}>{describeNote(n)}</li>
                ))}
              </ul>
            )}
          </section>
          <section className="compare-section" aria-labelledby="compare-body">
            <h3 id="compare-body">{BODY_HEADING[filtered.body.kind]}</h3>
            <BodySection
              body={filtered.body}
              unfiltered={state.status === 'ready' ? state.comparison.body : filtered.body}
              hidden={filtered.hidden.body}
              onNoise={setPrefs}
            />
          </section>
        </>
      )}
    </section>
  );
}
