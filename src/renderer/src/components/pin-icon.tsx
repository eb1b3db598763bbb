import { Icon } from './icon';

/** A push pin, filled when the capture is pinned. */
export function PinIcon({ pinned }: { pinned: boolean }): React.JSX.Element {
  return (
    <Icon fill={pinned ? 'currentColor' : 'none'}>
      <path d="M6 1.5h4l-.6 4.2 2.6 2.6H4l2.6-2.6Z" strokeLinejoin="round" />
      <path d="M8 8.3v6.2" strokeLinecap="round" />
    </Icon>
  );
}
