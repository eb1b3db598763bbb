/*
 * The handle between the capture list and the detail pane. Drag or use ←/→; the width is a CSS
 * variable on the document (so the list does not re-render while dragging) and is saved in the
 * ui settings when the drag ends, so it comes back after a restart.
 */
import { useEffect, useRef } from 'react';
import { useAppStore } from '../../app-store';

const MIN = 220;
const MAX = 1200;
const STEP = 16;
const VAR = '--wb-list-width';
const DEFAULT_WIDTH = 380;

const clamp = (w: number): number => Math.round(Math.min(Math.min(MAX, window.innerWidth - 320), Math.max(MIN, w)));

function applyWidth(width: number): void {
  document.documentElement.style.setProperty(VAR, `${width}px`);
}

export function PaneResizer(): React.JSX.Element {
  const saved = useAppStore((s) => s.appSettings?.ui.listWidth);
  const update = useAppStore((s) => s.updateAppSettings);
  const width = useRef(saved ?? DEFAULT_WIDTH);
  const handle = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (saved === undefined) return;
    width.current = saved;
    applyWidth(saved);
    handle.current?.setAttribute('aria-valuenow', String(saved));
  }, [saved]);

  const set = (w: number): void => {
    width.current = clamp(w);
    applyWidth(width.current);
    handle.current?.setAttribute('aria-valuenow', String(width.current));
  };
  const persist = (): void => void update({ ui: { listWidth: width.current } }).catch(() => undefined);

  return (
    <div
      ref={handle}
      className="wb-resizer"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize capture list"
      aria-valuemin={MIN}
      aria-valuemax={MAX}
      // Later values are set on the element directly while dragging (see `set`).
      aria-valuenow={saved ?? DEFAULT_WIDTH}
      tabIndex={0}
      onPointerDown={(e) => {
        e.preventDefault();
        const startX = e.clientX;
        const startW = width.current;
        const target = e.currentTarget;
        target.setPointerCapture(e.pointerId);
        const move = (ev: PointerEvent): void => set(startW + ev.clientX - startX);
        const up = (): void => {
          target.removeEventListener('pointermove', move);
          target.removeEventListener('pointerup', up);
          target.removeEventListener('pointercancel', up);
          persist();
        };
        target.addEventListener('pointermove', move);
        target.addEventListener('pointerup', up);
        target.addEventListener('pointercancel', up);
      }}
      onKeyDown={(e) => {
        if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
        e.preventDefault();
        set(width.current + (e.key === 'ArrowRight' ? STEP : -STEP));
        persist();
      }}
    />
  );
}
