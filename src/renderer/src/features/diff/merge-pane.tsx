/*
 * Side-by-side text of the two bodies (CodeMirror's MergeView): changed lines highlighted, both
 * sides in one scroll container so they scroll together, unchanged stretches collapsible, and
 * next/previous change commands. `focus` scrolls to a pair of lines and marks them.
 */
import { json } from '@codemirror/lang-json';
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { goToNextChunk, goToPreviousChunk, MergeView } from '@codemirror/merge';
import { EditorState, StateEffect, StateField, type Extension } from '@codemirror/state';
import { Decoration, EditorView, highlightSpecialChars, lineNumbers, type DecorationSet } from '@codemirror/view';
import { useEffect, useRef, useState } from 'react';

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
}

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

function sideExtensions(label: string, language: 'json' | 'text'): Extension[] {
  const ext: Extension[] = [
    lineNumbers(),
    highlightSpecialChars(),
    EditorState.readOnly.of(true),
    EditorView.editable.of(false),
    syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
    focusField,
    EditorView.contentAttributes.of({ 'aria-label': label, 'aria-readonly': 'true', tabindex: '0' }),
  ];
  if (language === 'json') ext.push(json());
  return ext;
}

function scrollToLine(view: EditorView, lineNo: number): void {
  const line = view.state.doc.line(Math.min(Math.max(1, lineNo), view.state.doc.lines));
  view.dispatch({ effects: [setFocusLine.of(line.number), EditorView.scrollIntoView(line.from, { y: 'center' })] });
}

export function MergePane({ leftText, rightText, language, focus }: MergePaneProps): React.JSX.Element {
  const host = useRef<HTMLDivElement>(null);
  const merge = useRef<MergeView | null>(null);
  const [collapse, setCollapse] = useState(true);

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
    if (!view || !focus) return;
    // Lines near a change are never collapsed, so the target is visible after scrolling.
    scrollToLine(view.a, focus.leftLine);
    scrollToLine(view.b, focus.rightLine);
  }, [focus]);

  const jump = (dir: 'next' | 'previous'): void => {
    const view = merge.current;
    if (!view) return;
    const target = view.b;
    (dir === 'next' ? goToNextChunk : goToPreviousChunk)({ state: target.state, dispatch: (tr) => target.dispatch(tr) });
  };

  return (
    <div className="merge-pane">
      <div className="merge-toolbar" role="toolbar" aria-label="Body text view">
        <button type="button" onClick={() => jump('previous')}>
          Previous change
        </button>
        <button type="button" onClick={() => jump('next')}>
          Next change
        </button>
        <label>
          <input type="checkbox" checked={collapse} onChange={(e) => setCollapse(e.target.checked)} /> Collapse unchanged lines
        </label>
      </div>
      <div className="merge-host" ref={host} data-testid="merge-view" />
    </div>
  );
}
