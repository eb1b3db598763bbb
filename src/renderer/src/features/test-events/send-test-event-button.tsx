import { useAppStore } from '../../app-store';

/** The way into "Send test event" from the empty state and the endpoint bar. */
export function SendTestEventButton({ className }: { className?: string }): React.JSX.Element {
  const open = useAppStore((s) => s.openTestEvent);
  return (
    <button type="button" className={className} onClick={() => void open()}>
      Send test event…
    </button>
  );
}
