/* Icons for the tunnel row's actions. */
import { Icon } from './icon';

/** A pulse line: "send a probe and see it come back". */
export function ProbeIcon(): React.JSX.Element {
  return (
    <Icon strokeWidth={1.5} strokeLinecap="round" strokeLinejoin="round">
      <path d="M1.5 8.5h3l2-5 3 9 2-4h3" />
    </Icon>
  );
}

/** Two arrows in a circle: reconnect. */
export function ReconnectIcon(): React.JSX.Element {
  return (
    <Icon strokeWidth={1.5} strokeLinecap="round" strokeLinejoin="round">
      <path d="M13 6.5A5 5 0 0 0 3.6 5" />
      <path d="M3 2.5v3h3" />
      <path d="M3 9.5A5 5 0 0 0 12.4 11" />
      <path d="M13 13.5v-3h-3" />
    </Icon>
  );
}
