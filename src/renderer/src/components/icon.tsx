/*
 * The frame every line icon shares: a 16-unit box drawn in the text colour. Icons are decoration:
 * the control around one carries the accessible name, so the svg is hidden from assistive technology.
 */
import type { ReactNode, SVGProps } from 'react';

export interface IconProps extends Pick<
  SVGProps<SVGSVGElement>,
  'fill' | 'strokeWidth' | 'strokeLinecap' | 'strokeLinejoin'
> {
  /** Rendered width and height in pixels. */
  size?: number;
  children: ReactNode;
}

export function Icon({
  size = 14,
  fill = 'none',
  strokeWidth = 1.4,
  children,
  ...stroke
}: IconProps): React.JSX.Element {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 16 16"
      aria-hidden="true"
      fill={fill}
      stroke="currentColor"
      strokeWidth={strokeWidth}
      {...stroke}
    >
      {children}
    </svg>
  );
}
