import type { StoreNotice } from '../../../../shared/api/status';
import { useAppStore } from '../../app-store';

const NONE: StoreNotice[] = [];

/** Banner for things the user must know about the data file (set aside, recovered, write failed). */
export function StoreNotices(): React.JSX.Element | null {
  const notices = useAppStore((s) => s.status?.storeNotices ?? NONE);
  const dismiss = useAppStore((s) => s.dismissNotice);
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((n, i) => (
        <div key={i} role="alert" className={`notice notice-${n.kind}`}>
          <span>
            {n.message}
            {n.movedTo && !n.message.includes(n.movedTo) && (
              <>
                {' '}
                The old file was moved to <code>{n.movedTo}</code>.
              </>
            )}
          </span>
          <button type="button" aria-label="Dismiss notice" onClick={() => void dismiss(i)}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
