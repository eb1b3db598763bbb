/* Icons for the tunnel row's actions; the buttons carry the accessible names, the icons are decoration. */
const SVG_PROPS = {
  width: 14,
  height: 14,
  viewBox: '0 0 16 16',
  'aria-hidden': true,
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.5,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
} as const;

/** A pulse line: "send a probe and see it come back". */
export function ProbeIcon(): React.JSX.Element {
  return (
    <svg {...SVG_PROPS}>
      <path d="M1.5 8.5h3l2-5 3 9 2-4h3" />
    </svg>
  );
}

/** Two arrows in a circle: reconnect. */
export function ReconnectIcon(): React.JSX.Element {
  return (
    <svg {...SVG_PROPS}>
      <path d="M13 6.5A5 5 0 0 0 3.6 5" />
      <path d="M3 2.5v3h3" />
      <path d="M3 9.5A5 5 0 0 0 12.4 11" />
      <path d="M13 13.5v-3h-3" />
    </svg>
  );
}
