/** A push pin, filled when the capture is pinned. Decorative: the button around it carries the name. */
export function PinIcon({ pinned }: { pinned: boolean }): React.JSX.Element {
  return (
    <svg
      width="14"
      height="14"
      viewBox="0 0 16 16"
      aria-hidden="true"
      fill={pinned ? 'currentColor' : 'none'}
      stroke="currentColor"
      strokeWidth="1.4"
    >
      <path d="M6 1.5h4l-.6 4.2 2.6 2.6H4l2.6-2.6Z" strokeLinejoin="round" />
      <path d="M8 8.3v6.2" strokeLinecap="round" />
    </svg>
  );
}
