/*
 * Views that pull in a large library (CodeMirror, its merge view, the charts) load with their first
 * use, so the list paints before that code is fetched and parsed.
 */
import { lazy, Suspense, type ComponentType } from 'react';

export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>, what: string): ComponentType<P> {
  const Loaded = lazy(async () => ({ default: await load() }));
  function LazyView(props: P): React.JSX.Element {
    return (
      <Suspense fallback={<div className="muted lazy-view-loading">Loading {what}…</div>}>
        <Loaded {...props} />
      </Suspense>
    );
  }
  return LazyView;
}
