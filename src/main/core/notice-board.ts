/*
 * One place for everything the user must be told about their data: a file set aside at start, a
 * partial recovery, a write that failed while running. Every owner of a file (capture store,
 * settings, endpoints, replay history, secrets) is handed the same board, and the core turns each
 * change into `status:changed`, so a notice added at any moment reaches the UI, not only those
 * present at start.
 */
import type { StoreNotice } from '../../shared/api/status';

export interface NoticeBoard {
  /** Adds a notice; one identical to a notice still shown is not repeated (a failing disk fails every write). */
  add(notice: StoreNotice): void;
  list(): StoreNotice[];
  /** Removes the notice at `index`; false when there is none. */
  dismiss(index: number): boolean;
  /** Called after every change; returns an unsubscribe function. */
  onChange(listener: () => void): () => void;
}

export function createNoticeBoard(): NoticeBoard {
  const notices: StoreNotice[] = [];
  const listeners = new Set<() => void>();
  const changed = (): void => {
    for (const listener of [...listeners]) {
      try {
        listener();
      } catch {
        // A broken subscriber must not make adding a notice fail (it is often called from a failure path).
      }
    }
  };
  return {
    add(notice) {
      if (notices.some((n) => n.kind === notice.kind && n.message === notice.message)) return;
      notices.push({ ...notice });
      changed();
    },
    list: () => notices.map((n) => ({ ...n })),
    dismiss(index) {
      if (!Number.isInteger(index) || index < 0 || index >= notices.length) return false;
      notices.splice(index, 1);
      changed();
      return true;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
