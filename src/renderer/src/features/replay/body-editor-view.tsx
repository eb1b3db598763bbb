/*
 * The editable request body: CodeMirror 6 with JSON highlighting when the body is JSON, plain text
 * otherwise. The editor owns its document while the user types; a new `value` from outside
 * (Format, a reopened replay, an import) replaces it. The editor is created empty and filled by the
 * same effect that applies later values, so creating it depends on nothing but its label.
 */
import { json } from '@codemirror/lang-json';
import { Annotation, Compartment, EditorState, Transaction } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { BodyEditorProps } from './body-editor';

/** Marks changes that came in through `value`, so they are not echoed back through onChange. */
const fromValue = Annotation.define<boolean>();

export function BodyEditorView({ value, onChange, language, label }: BodyEditorProps): React.JSX.Element {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const languageSlot = useRef(new Compartment());
  const fresh = useRef(true);
  const onChangeRef = useRef(onChange);
  useLayoutEffect(() => {
    onChangeRef.current = onChange;
  });

  useEffect(() => {
    if (!host.current) return;
    const v = new EditorView({
      parent: host.current,
      state: EditorState.create({
        extensions: [
          basicSetup,
          EditorView.lineWrapping,
          languageSlot.current.of([]),
          EditorView.contentAttributes.of({ 'aria-label': label }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged && !u.transactions.some((t) => t.annotation(fromValue)))
              onChangeRef.current(u.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = v;
    fresh.current = true;
    return () => {
      v.destroy();
      view.current = null;
    };
  }, [label]);

  // `label` is listed so a re-created editor is filled again.
  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== value) {
      v.dispatch({
        changes: { from: 0, to: v.state.doc.length, insert: value },
        // The first fill is not undoable: Undo must not empty a new editor. Later ones (Format) are.
        annotations: [fromValue.of(true), ...(fresh.current ? [Transaction.addToHistory.of(false)] : [])],
      });
    }
    if (v) fresh.current = false;
  }, [value, label]);

  useEffect(() => {
    view.current?.dispatch({ effects: languageSlot.current.reconfigure(language === 'json' ? json() : []) });
  }, [language, label]);

  return <div className="code-viewer replay-body-editor" ref={host} data-testid="replay-body-editor" />;
}
