/* The read-only text viewer; CodeMirror loads with the first one shown (./code-viewer-editor). */
import { lazyView } from '../lib/lazy-view';

export interface CodeViewerProps {
  text: string;
  language?: 'json' | 'text';
  label: string;
  /**
   * Wrap long lines (default). Off for large text: a wrapped 25 MB single-line body must be laid
   * out whole, while an unwrapped one is drawn only where it is on screen.
   */
  wrap?: boolean;
}

export const CodeViewer = lazyView<CodeViewerProps>(
  () => import('./code-viewer-editor').then((m) => m.CodeViewerEditor),
  'the text viewer',
);
