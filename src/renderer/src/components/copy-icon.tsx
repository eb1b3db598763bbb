import { Icon } from './icon';

/** Two overlapping sheets, for copy buttons. */
export function CopyIcon(): React.JSX.Element {
  return (
    <Icon>
      <rect x="5.5" y="5.5" width="8" height="8.5" rx="1.5" />
      <path
        d="M3.5 10.5h-.5A1.5 1.5 0 0 1 1.5 9V3A1.5 1.5 0 0 1 3 1.5h6A1.5 1.5 0 0 1 10.5 3v.5"
        strokeLinecap="round"
      />
    </Icon>
  );
}
