/*
 * Two captures side by side: what differs in the request line, headers and body, with noise
 * filters that hide what always differs (timestamps, ids, signatures). The comparison is computed
 * once, in a worker of its own, with progress and Cancel (compare-runner.ts); noise toggles only filter it.
 */
import { useMemo, useState, type ReactNode } from 'react';
import {
  applyNoise,
  comparisonText,
  compileNoise,
  describeNote,
  type CaptureSide,
  type FilteredComparison,
} from '../../../../shared/diff';
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

function CompareSection({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: ReactNode;
}): React.JSX.Element {
  return (
    <section className="compare-section" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

const NAMED_PARTS = {
  query: { title: 'Query', label: 'Query changes', nameHeading: 'Parameter' },
  headers: { title: 'Headers', label: 'Header changes', nameHeading: 'Header' },
} as const;

/** The query's or the headers' changes by name, with what noise rules hid of them. */
function NamedChangesSection({
  part,
  comparison,
  children,
}: {
  part: keyof typeof NAMED_PARTS;
  comparison: FilteredComparison;
  children?: ReactNode;
}): React.JSX.Element {
  const { title, label, nameHeading } = NAMED_PARTS[part];
  return (
    <CompareSection id={`compare-${part}`} title={title}>
      <NamedChangesTable
        label={label}
        nameHeading={nameHeading}
        changes={comparison[part]}
        hidden={comparison.hidden[part]}
      />
      {children}
    </CompareSection>
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
          <CompareSection id="compare-summary" title="Summary">
            <SummaryTable comparison={filtered} />
          </CompareSection>
          {(filtered.query.length > 0 || filtered.hidden.query > 0) && (
            <NamedChangesSection part="query" comparison={filtered} />
          )}
          <NamedChangesSection part="headers" comparison={filtered}>
            {filtered.notes.length > 0 && (
              <ul className="diff-notes" aria-label="Header notes">
                {filtered.notes.map((n, i) => (
                  <li key={i}>{describeNote(n)}</li>
                ))}
              </ul>
            )}
          </NamedChangesSection>
          <CompareSection id="compare-body" title={BODY_HEADING[filtered.body.kind]}>
            <BodySection
              body={filtered.body}
              unfiltered={state.status === 'ready' ? state.comparison.body : filtered.body}
              hidden={filtered.hidden.body}
              onNoise={setPrefs}
            />
          </CompareSection>
        </>
      )}
    </section>
  );
}
