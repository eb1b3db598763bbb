/*
 * Closes a popover the way the shortcuts list promises: Esc, or a press outside it. A press on the
 * button that opened it is left to that button (it toggles); Esc puts the focus back on it.
 */
import { useEffect, useRef, type RefObject } from 'react';

export function useDismiss(
  ref: RefObject<HTMLElement | null>,
  onDismiss: () => void,
  opener: () => HTMLElement | null = () => null,
): void {
  // The latest callbacks, without re-subscribing on every render.
  const latest = useRef({ onDismiss, opener });
  useEffect(() => {
    latest.current = { onDismiss, opener };
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      e.preventDefault();
      latest.current.opener()?.focus();
      latest.current.onDismiss();
    };
    const onPointer = (e: PointerEvent): void => {
      const target = e.target as Node | null;
      if (!target || ref.current?.contains(target) || latest.current.opener()?.contains(target)) return;
      latest.current.onDismiss();
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [ref]);
}
