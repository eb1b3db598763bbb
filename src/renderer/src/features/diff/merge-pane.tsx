/*
 * Side-by-side text of the two bodies (CodeMirror's MergeView): changed lines highlighted, both
 * sides in one scroll container so they scroll together, unchanged stretches collapsible, and
 * next/previous change commands. Chunks that only hold changes hidden by noise rules are marked
 * `cm-noise-line` (not highlighted) and skipped by next/previous. `focus` and next/previous bring
 * the pane into the window and scroll to the lines, marking them.
 */
import { json } from '@codemirror/lang-json';
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { MergeView, type Chunk } from '@codemirror/merge';
import { EditorState, RangeSet, StateEffect, StateField, type Extension } from '@codemirror/state';
import {
  Decoration,
  EditorView,
  GutterMarker,
  gutterLineClass,
  highlightSpecialChars,
  lineNumbers,
  type DecorationSet,
} from '@codemirror/view';
import { useEffect, useRef, useState } from 'react';
import { noiseChunks, type ChangeLines, type ChunkLines } from './noise-chunks';

export interface MergeFocus {
  leftLine: number;
  rightLine: number;
  /** Changes on every click so re-clicking the same change scrolls again. */
  token: number;
}

export interface MergePaneProps {
  leftText: string;
  rightText: string;
  language: 'json' | 'text';
  focus: MergeFocus | null;
  /** Lines of the changes listed above the pane, and of those noise rules hide. */
  shownLines?: ChangeLines;
  hiddenLines?: ChangeLines;
}

const NO_LINES: ChangeLines = { left: [], right: [] };

type JumpDirection = 'previous' | 'next';
const JUMPS: readonly (readonly [JumpDirection, string])[] = [
  ['previous', 'Previous change'],
  ['next', 'Next change'],
];

const setFocusLine = StateEffect.define<number | null>();
const focusMark = Decoration.line({ class: 'cm-diff-focus' });
const focusField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(deco, tr) {
    for (const e of tr.effects) {
      if (e.is(setFocusLine)) {
        if (e.value === null) return Decoration.none;
        const line = tr.state.doc.line(Math.min(Math.max(1, e.value), tr.state.doc.lines));
        return Decoration.set([focusMark.range(line.from)]);
      }
    }
    return deco.map(tr.changes);
  },
  provide: (f) => EditorView.decorations.from(f),
});

const setNoiseLines = StateEffect.define<number[]>();
const noiseMark = Decoration.line({ class: 'cm-noise-line' });
const noiseField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(deco, tr) {
    for (const e of tr.effects) {
      if (e.is(setNoiseLines)) {
        const doc = tr.state.doc;
        return Decoration.set(
          e.value.filter((n) => n >= 1 && n <= doc.lines).map((n) => noiseMark.range(doc.line(n).from)),
        );
      }
    }
    return deco.map(tr.changes);
  },
  provide: (f) => EditorView.decorations.from(f),
});

class NoiseGutterClass extends GutterMarker {
  override elementClass = 'cm-noise-gutter';
}
const noiseGutterMarker = new NoiseGutterClass();
// The change bar in the gutter is per line too; the same lines lose it.
const noiseGutter = gutterLineClass.compute([noiseField], (state) => {
  const marks: ReturnType<typeof noiseGutterMarker.range>[] = [];
  state.field(noiseField).between(0, state.doc.length, (from) => void marks.push(noiseGutterMarker.range(from)));
  return RangeSet.of(marks);
});

/** A chunk's lines on one side: `endA`/`endB` stay inside the document, `from === end` is an insertion point. */
function sideLines(view: EditorView, from: number, end: number): { from: number; to: number } {
  const first = view.state.doc.lineAt(from).number;
  if (end <= from) return { from: first, to: first - 1 };
  return { from: first, to: view.state.doc.lineAt(Math.max(from, end - 1)).number };
}

function chunkLines(view: MergeView, chunk: Chunk): ChunkLines {
  return { left: sideLines(view.a, chunk.fromA, chunk.endA), right: sideLines(view.b, chunk.fromB, chunk.endB) };
}

function linesOf(range: { from: number; to: number }): number[] {
  const out: number[] = [];
  for (let n = range.from; n <= range.to; n++) out.push(n);
  return out;
}

function sideExtensions(label: string, language: 'json' | 'text'): Extension[] {
  const ext: Extension[] = [
    lineNumbers(),
    highlightSpecialChars(),
    EditorState.readOnly.of(true),
    EditorView.editable.of(false),
    syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
    focusField,
    noiseField,
    noiseGutter,
    EditorView.contentAttributes.of({ 'aria-label': label, 'aria-readonly': 'true', tabindex: '0' }),
  ];
  if (language === 'json') ext.push(json());
  return ext;
}

function scrollToLine(view: EditorView, lineNo: number): void {
  const line = view.state.doc.line(Math.min(Math.max(1, lineNo), view.state.doc.lines));
  view.dispatch({ effects: [setFocusLine.of(line.number), EditorView.scrollIntoView(line.from, { y: 'center' })] });
}

export function MergePane({
  leftText,
  rightText,
  language,
  focus,
  shownLines = NO_LINES,
  hiddenLines = NO_LINES,
}: MergePaneProps): React.JSX.Element {
  const pane = useRef<HTMLDivElement>(null);
  const host = useRef<HTMLDivElement>(null);
  const merge = useRef<MergeView | null>(null);
  const [collapse, setCollapse] = useState(true);
  /** Per chunk of the current view: hidden by noise rules. */
  const noise = useRef<boolean[]>([]);
  const current = useRef(-1);

  useEffect(() => {
    if (!host.current) return;
    const view = new MergeView({
      a: { doc: leftText, extensions: sideExtensions('Left body text', language) },
      b: { doc: rightText, extensions: sideExtensions('Right body text', language) },
      parent: host.current,
      highlightChanges: true,
      gutter: true,
      // Bounded so two very different megabyte bodies cannot freeze the view.
      diffConfig: { scanLimit: 2000, timeout: 400 },
    });
    merge.current = view;
    current.current = -1;
    return () => {
      merge.current = null;
      view.destroy();
    };
  }, [leftText, rightText, language]);

  useEffect(() => {
    merge.current?.reconfigure({ collapseUnchanged: collapse ? { margin: 3, minSize: 6 } : undefined });
  }, [collapse, leftText, rightText, language]);

  useEffect(() => {
    const view = merge.current;
    if (!view) return;
    const chunks = view.chunks.map((c) => chunkLines(view, c));
    noise.current = noiseChunks(chunks, shownLines, hiddenLines);
    const marked = chunks.filter((_, i) => noise.current[i]);
    view.a.dispatch({ effects: setNoiseLines.of(marked.flatMap((c) => linesOf(c.left))) });
    view.b.dispatch({ effects: setNoiseLines.of(marked.flatMap((c) => linesOf(c.right))) });
  }, [shownLines, hiddenLines, leftText, rightText, language]);

  /** The pane first (it often starts below the fold), then the lines inside its own scroller. */
  const reveal = (leftLine: number, rightLine: number): void => {
    const view = merge.current;
    if (!view) return;
    pane.current?.scrollIntoView({ block: 'start' });
    // Lines near a change are never collapsed, so the target is visible after scrolling.
    scrollToLine(view.a, leftLine);
    scrollToLine(view.b, rightLine);
  };

  useEffect(() => {
    if (focus) reveal(focus.leftLine, focus.rightLine);
  }, [focus]);

  const jump = (dir: JumpDirection): void => {
    const view = merge.current;
    if (!view) return;
    const visible = view.chunks.map((_, i) => i).filter((i) => !noise.current[i]);
    if (visible.length === 0) return;
    const at = current.current;
    const next =
      dir === 'next'
        ? (visible.find((i) => i > at) ?? visible[0])
        : ([...visible].reverse().find((i) => i < at) ?? visible[visible.length - 1]);
    current.current = next;
    const lines = chunkLines(view, view.chunks[next]);
    reveal(Math.max(1, lines.left.from), Math.max(1, lines.right.from));
  };

  return (
    <div className="merge-pane" ref={pane}>
      <div className="merge-toolbar" role="toolbar" aria-label="Body text view">
        {JUMPS.map(([dir, label]) => (
          <button key={dir} type="button" onClick={() => jump(dir)}>
            {label}
          </button>
        ))}
        <label>
          <input type="checkbox" checked={collapse} onChange={(e) => setCollapse(e.target.checked)} /> Collapse
          unchanged lines
        </label>
      </div>
      <div className="merge-host" ref={host} data-testid="merge-view" />
    </div>
  );
}
