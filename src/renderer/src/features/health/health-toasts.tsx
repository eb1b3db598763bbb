/* Health alerts as in-app toasts (browser mode; in Electron the shell shows desktop notifications). */
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../app-store';

export function HealthToasts(): React.JSX.Element | null {
  const { toasts, open, dismiss } = useAppStore(
    useShallow((s) => ({ toasts: s.healthToasts, open: s.openHealthAlert, dismiss: s.dismissHealthToast })),
  );
  if (toasts.length === 0) return null;
  return (
    <div className="health-toasts" role="region" aria-label="Health alerts">
      {toasts.map((t) => (
        <div key={t.id} className="health-toast" role="alert">
          <div>{t.message}</div>
          <div className="health-toast-actions">
            <button type="button" onClick={() => void open(t)}>
              Show capture
            </button>
            <button type="button" onClick={() => dismiss(t.id)}>
              Dismiss
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}
