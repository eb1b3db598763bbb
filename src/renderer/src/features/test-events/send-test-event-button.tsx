import { useAppStore } from '../../app-store';

/** The way into "Send test event" from the empty state and (compact, in a narrow bar) the endpoint bar. */
export function SendTestEventButton({
  className,
  compact,
}: {
  className?: string;
  compact?: boolean;
}): React.JSX.Element {
  const open = useAppStore((s) => s.openTestEvent);
  return (
    <button
      type="button"
      className={className}
      aria-label={compact ? 'Send test event…' : undefined}
      title="Send a signed test event (T)"
      onClick={() => void open()}
    >
      {compact ? 'Test event…' : 'Send test event…'}
    </button>
  );
}
