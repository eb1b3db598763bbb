/*
 * Read-only CodeMirror view for captured text: folding, line numbers, search, and JSON highlighting
 * when asked. CodeMirror renders text nodes only, so captured markup is never interpreted.
 */
import { json } from '@codemirror/lang-json';
import { defaultHighlightStyle, foldGutter, foldKeymap, syntaxHighlighting } from '@codemirror/language';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { EditorState, type Extension } from '@codemirror/state';
import { EditorView, highlightSpecialChars, keymap, lineNumbers } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import type { CodeViewerProps } from './code-viewer';

export function CodeViewerEditor({ text, language = 'text', label, wrap = true }: CodeViewerProps): React.JSX.Element {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!host.current) return;
    const extensions: Extension[] = [
      lineNumbers(),
      highlightSpecialChars(),
      EditorState.readOnly.of(true),
      syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
      highlightSelectionMatches(),
      keymap.of([...searchKeymap, ...foldKeymap]),
      EditorView.contentAttributes.of({ 'aria-label': label, 'aria-readonly': 'true' }),
    ];
    if (wrap) extensions.push(EditorView.lineWrapping);
    if (language === 'json') extensions.push(json(), foldGutter());
    const view = new EditorView({ parent: host.current, state: EditorState.create({ doc: text, extensions }) });
    return () => view.destroy();
  }, [text, language, label, wrap]);
  return <div className="code-viewer" ref={host} data-testid="code-viewer" />;
}
