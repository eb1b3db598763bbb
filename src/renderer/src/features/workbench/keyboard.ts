/*
 * App-wide shortcuts. Listened for in the capture phase so Ctrl/Cmd+Enter reaches us before an
 * editor (CodeMirror binds Mod-Enter itself). Keys that mean something while typing (arrows,
 * Delete, P, "?") are left alone when focus is in a text field.
 */
import { useEffect } from 'react';
import { useAppStore } from '../../app-store';
import { SEARCH_INPUT_ID } from './search-bar';

function isTyping(el: Element | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable) return true;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  if (el instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit'].includes(el.type);
  return false;
}

function focusCaptureRow(id: string): void {
  requestAnimationFrame(() =>
    document.querySelector<HTMLButtonElement>(`[data-capture-id="${CSS.escape(id)}"]`)?.focus(),
  );
}

/** Opens a capture and puts the focus on its row. */
export function moveSelectionTo(id: string): void {
  void useAppStore.getState().selectCapture(id);
  focusCaptureRow(id);
}

/** Opens the first row of the list (fetching it when it is not fetched yet) and puts the focus on it. */
export function openFirstRow(): void {
  void useAppStore
    .getState()
    .selectRow(0)
    .then((id) => id && focusCaptureRow(id));
}

/** Deletes the open capture (undoable) and keeps the keyboard on the list: the next row is opened and focused. */
export function deleteOpenCapture(id: string): void {
  void useAppStore.getState().deleteCapture(id);
  const next = useAppStore.getState().selectedId;
  if (next) focusCaptureRow(next);
}

export function undoDeleteAndFocus(): void {
  useAppStore.getState().undoDelete();
  const back = useAppStore.getState().selectedId;
  if (back) focusCaptureRow(back);
}

/** Moves the selection by `delta` rows in the list (fetching the next page when it is not fetched yet). */
export function moveSelection(delta: number): void {
  void useAppStore
    .getState()
    .moveSelection(delta)
    .then((id) => id && focusCaptureRow(id));
}

export function useKeyboardShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const mod = e.ctrlKey || e.metaKey;
      const s = useAppStore.getState();
      if (mod && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        if (s.dialog) s.closeDialog();
        const input = document.getElementById(SEARCH_INPUT_ID) as HTMLInputElement | null;
        input?.focus();
        input?.select();
        return;
      }
      if (mod && e.key === 'Enter') {
        const form = (document.activeElement as HTMLElement | null)?.closest('form');
        if (form) {
          e.preventDefault();
          e.stopPropagation();
          form.requestSubmit();
        }
      }
    };
    const onKeyBubble = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      const s = useAppStore.getState();
      if (s.dialog || isTyping(document.activeElement)) return;
      if (e.key === '?') {
        e.preventDefault();
        s.openDialog('shortcuts');
      } else if (e.key === 't' || e.key === 'T') {
        e.preventDefault();
        void s.openTestEvent();
      } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        moveSelection(e.key === 'ArrowDown' ? 1 : -1);
      } else if ((e.key === 'p' || e.key === 'P') && s.selectedId) {
        e.preventDefault();
        const open = s.rows.find((c) => c?.id === s.selectedId);
        if (open) void s.setPinned(open.id, !open.pinned).catch(() => undefined);
      } else if (e.key === 'Delete' && s.selectedId) {
        e.preventDefault();
        deleteOpenCapture(s.selectedId);
      }
    };
    // Ctrl/Cmd+Z while not typing: undo the delete still in its window.
    const onUndo = (e: KeyboardEvent): void => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 'z') return;
      const s = useAppStore.getState();
      if (!s.pendingDelete || s.dialog || isTyping(document.activeElement)) return;
      e.preventDefault();
      undoDeleteAndFocus();
    };
    // Closing the window ends the undo window: the user asked for the delete.
    const onPageHide = (): void => void useAppStore.getState().commitDelete();
    window.addEventListener('keydown', onUndo);
    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('keydown', onKeyBubble);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('keydown', onKeyBubble);
      window.removeEventListener('keydown', onUndo);
      window.removeEventListener('pagehide', onPageHide);
    };
  }, []);
}
