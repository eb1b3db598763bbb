/* The body editor; CodeMirror loads with the first one shown (./body-editor-view). */
import { lazyView } from '../../lib/lazy-view';

export interface BodyEditorProps {
  value: string;
  onChange(text: string): void;
  language: 'json' | 'text';
  label: string;
}

export const BodyEditor = lazyView<BodyEditorProps>(
  () => import('./body-editor-view').then((m) => m.BodyEditorView),
  'the editor',
);
