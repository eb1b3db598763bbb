import { useMemo, useState } from 'react';
import {
  describeJsonChange,
  describeNote,
  describeTextChange,
  ruleForPath,
  type BodyComparison,
  type JsonChange,
  type NoisePrefs,
} from '../../../../shared/diff';
import { assertNever } from '../../../../shared/errors';
import type { MergeFocus } from './merge-pane';
import { NamedChangesTable } from './named-changes-table';
import { SideBySide } from './side-by-side';
import { changeLines, hiddenLines } from './noise-chunks';

export interface BodySectionProps {
  body: BodyComparison;
  /** The comparison before noise rules, to tell the side-by-side view which changes they hid. */
  unfiltered: BodyComparison;
  hidden: number;
  onNoise(update: (prev: NoisePrefs) => NoisePrefs): void;
}

function sideLabel(change: JsonChange): 'left' | 'right' {
  return change.kind === 'removed' ? 'left' : 'right';
}

export function BodySection({ body, unfiltered, hidden, onNoise }: BodySectionProps): React.JSX.Element {
  const [focus, setFocus] = useState<MergeFocus | null>(null);
  const shownLines = useMemo(() => changeLines(body), [body]);
  const noiseLines = useMemo(() => hiddenLines(unfiltered, body), [unfiltered, body]);
  const focusLines = (leftLine: number, rightLine: number): void =>
    setFocus((f) => ({ leftLine, rightLine, token: (f?.token ?? 0) + 1 }));
  const notes = body.notes.length > 0 && (
    <ul className="diff-notes" aria-label="Body notes">
      {body.notes.map((n, i) => (
        <li key={i}>{describeNote(n)}</li>
      ))}
    </ul>
  );
  const hiddenNote = hidden > 0 && <p className="muted hidden-count">{hidden} hidden by noise rules</p>;

  switch (body.kind) {
    case 'empty':
      return <p className="muted">Both bodies are empty.</p>;
    case 'binary':
      return (
        <div>
          {notes}
          <table className="diff-table" aria-label="Binary bodies">
            <thead>
              <tr>
                <th scope="col" />
                <th scope="col">Left</th>
                <th scope="col">Right</th>
              </tr>
            </thead>
            <tbody>
              <tr className={body.left.size === body.right.size ? 'diff-same' : 'diff-changed'}>
                <th scope="row">Size</th>
                <td>{body.left.size} bytes</td>
                <td>{body.right.size} bytes</td>
              </tr>
              <tr className={body.equal ? 'diff-same' : 'diff-changed'}>
                <th scope="row">SHA-256</th>
                <td className="mono">{body.left.sha256}</td>
                <td className="mono">{body.right.sha256}</td>
              </tr>
            </tbody>
          </table>
          <p>{body.equal ? 'The bodies are byte for byte identical.' : 'The bodies differ.'}</p>
        </div>
      );
    case 'form':
      return (
        <div>
          {notes}
          <NamedChangesTable
            label="Form field changes"
            nameHeading="Field"
            changes={body.changes}
            hidden={hidden}
            onSelect={(c) => focusLines(c.leftLine || 1, c.rightLine || 1)}
          />
          <SideBySide
            leftText={body.leftText}
            rightText={body.rightText}
            language="text"
            focus={focus}
            shownLines={shownLines}
            hiddenLines={noiseLines}
          />
        </div>
      );
    case 'text':
      return (
        <div>
          {notes}
          {body.changes.length === 0 ? (
            <p className="muted">No differences.</p>
          ) : (
            <ul className="change-list" aria-label="Body changes">
              {body.changes.map((c, i) => (
                <li key={i} className={`diff-${c.kind}`}>
                  <button
                    type="button"
                    className="link-button mono"
                    onClick={() => focusLines(c.leftLine, c.rightLine)}
                  >
                    {describeTextChange(c)}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <SideBySide leftText={body.leftText} rightText={body.rightText} language="text" focus={focus} />
        </div>
      );
    case 'json':
      return (
        <div>
          {notes}
          {body.changes.length === 0 ? (
            <p className="muted">No structural differences.</p>
          ) : (
            <ul className="change-list" aria-label="Body changes">
              {body.changes.map((c) => {
                const rule = ruleForPath(c.kind === 'removed' ? c.left : c.right);
                return (
                  <li key={`${c.kind}:${c.path}`} className={`diff-${c.kind}`}>
                    <button
                      type="button"
                      className="link-button mono"
                      title={`Show in both bodies (${sideLabel(c)} line ${c.kind === 'removed' ? c.leftLine : c.rightLine})`}
                      onClick={() => focusLines(c.leftLine, c.rightLine)}
                    >
                      {describeJsonChange(c)}
                    </button>
                    {rule && (
                      <button
                        type="button"
                        className="ignore-button"
                        aria-label={`Ignore ${c.path}`}
                        title={`Ignore ${rule}`}
                        onClick={() =>
                          onNoise((p) => (p.jsonPaths.includes(rule) ? p : { ...p, jsonPaths: [...p.jsonPaths, rule] }))
                        }
                      >
                        Ignore
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
          {hiddenNote}
          <SideBySide
            leftText={body.leftText}
            rightText={body.rightText}
            language="json"
            focus={focus}
            shownLines={shownLines}
            hiddenLines={noiseLines}
          />
        </div>
      );
    default:
      return assertNever(body, 'body comparison');
  }
}
