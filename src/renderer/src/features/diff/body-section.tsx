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
import { ColumnHeads } from '../../components/column-heads';
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

/** The body's list of changes, or `none` when it is empty. */
function ChangeList({ none, children }: { none: string; children: React.ReactNode[] }): React.JSX.Element {
  if (children.length === 0) return <p className="muted">{none}</p>;
  return (
    <ul className="change-list" aria-label="Body changes">
      {children}
    </ul>
  );
}

/** A change in the list: a click scrolls both sides of the text view to it. */
function ShowButton({
  title,
  onClick,
  children,
}: {
  title?: string;
  onClick(): void;
  children: React.ReactNode;
}): React.JSX.Element {
  return (
    <button type="button" className="link-button mono" title={title} onClick={onClick}>
      {children}
    </button>
  );
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
  // Form and JSON bodies mark which changed lines the noise rules hid; text changes are never hidden.
  const sideBySide = (
    texts: { leftText: string; rightText: string },
    language: 'text' | 'json',
    noiseMarks: boolean,
  ): React.JSX.Element => (
    <SideBySide
      leftText={texts.leftText}
      rightText={texts.rightText}
      language={language}
      focus={focus}
      {...(noiseMarks ? { shownLines, hiddenLines: noiseLines } : {})}
    />
  );
  const hiddenNote = hidden > 0 && <p className="muted hidden-count">{hidden} hidden by noise rules</p>;

  const content = (): React.JSX.Element => {
    switch (body.kind) {
      case 'empty':
        return <p className="muted">Both bodies are empty.</p>;
      case 'binary':
        return (
          <>
            <table className="diff-table" aria-label="Binary bodies">
              <ColumnHeads titles={['', 'Left', 'Right']} />
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
          </>
        );
      case 'form':
        return (
          <>
            <NamedChangesTable
              label="Form field changes"
              nameHeading="Field"
              changes={body.changes}
              hidden={hidden}
              onSelect={(c) => focusLines(c.leftLine || 1, c.rightLine || 1)}
            />
            {sideBySide(body, 'text', true)}
          </>
        );
      case 'text':
        return (
          <>
            <ChangeList none="No differences.">
              {body.changes.map((c, i) => (
                <li key={i} className={`diff-${c.kind}`}>
                  <ShowButton onClick={() => focusLines(c.leftLine, c.rightLine)}>{describeTextChange(c)}</ShowButton>
                </li>
              ))}
            </ChangeList>
            {sideBySide(body, 'text', false)}
          </>
        );
      case 'json':
        return (
          <>
            <ChangeList none="No structural differences.">
              {body.changes.map((c) => {
                const rule = ruleForPath(c.kind === 'removed' ? c.left : c.right);
                return (
                  <li key={`${c.kind}:${c.path}`} className={`diff-${c.kind}`}>
                    <ShowButton
                      title={`Show in both bodies (${sideLabel(c)} line ${c.kind === 'removed' ? c.leftLine : c.rightLine})`}
                      onClick={() => focusLines(c.leftLine, c.rightLine)}
                    >
                      {describeJsonChange(c)}
                    </ShowButton>
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
            </ChangeList>
            {hiddenNote}
            {sideBySide(body, 'json', true)}
          </>
        );
      default:
        return assertNever(body, 'body comparison');
    }
  };
  return (
    <div>
      {notes}
      {content()}
    </div>
  );
}
