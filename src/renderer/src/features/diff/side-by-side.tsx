/*
 * The side-by-side view, or a note in its place when the bodies are too large for an editor to lay
 * out: CodeMirror's merge view diffs and measures both documents on the UI thread, and two 25 MB
 * one-line bodies stall it for minutes. The change list above still says what differs.
 */
import { formatBytes } from '../../lib/format';
import { lazyView } from '../../lib/lazy-view';
import type { MergePaneProps } from './merge-pane';

const MergePane = lazyView<MergePaneProps>(
  () => import('./merge-pane').then((m) => m.MergePane),
  'the side-by-side view',
);

export const SIDE_BY_SIDE_MAX_CHARS = 2 * 1024 * 1024;

export function SideBySide(props: MergePaneProps): React.JSX.Element {
  const larger = Math.max(props.leftText.length, props.rightText.length);
  if (larger <= SIDE_BY_SIDE_MAX_CHARS) return <MergePane {...props} />;
  return (
    <p role="note" aria-label="Side-by-side view skipped" className="diff-notes">
      Side-by-side view skipped above {formatBytes(SIDE_BY_SIDE_MAX_CHARS)} (the larger body is {formatBytes(larger)}):
      the changes are listed above; open each capture&apos;s Body tab to read it whole.
    </p>
  );
}
