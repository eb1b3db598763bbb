import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CopyIcon } from './copy-icon';
import { GearIcon } from './gear-icon';
import { Icon } from './icon';
import { PinIcon } from './pin-icon';
import { ProbeIcon, ReconnectIcon } from './tunnel-action-icons';

/** The attributes of the outer svg, by name. */
function frame(markup: string): Record<string, string> {
  const open = /^<svg([^>]*)>/.exec(markup);
  if (!open) throw new Error(`not an svg: ${markup}`);
  return Object.fromEntries([...open[1].matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
}

describe('Icon', () => {
  it('is decoration: hidden from assistive technology, 14 px, stroked in the text colour', () => {
    for (const icon of [<CopyIcon />, <GearIcon />, <PinIcon pinned={false} />, <ProbeIcon />, <ReconnectIcon />]) {
      const attributes = frame(renderToStaticMarkup(icon));
      expect(attributes).toMatchObject({ 'aria-hidden': 'true', fill: 'none', stroke: 'currentColor' });
      expect(attributes).toMatchObject({ width: '14', height: '14', viewBox: '0 0 16 16' });
    }
  });

  it('passes size, fill and stroke settings through and draws its children', () => {
    const markup = renderToStaticMarkup(
      <Icon size={13} fill="currentColor" strokeWidth={2} strokeLinecap="round">
        <path d="M1 1h2" />
      </Icon>,
    );
    expect(frame(markup)).toMatchObject({ width: '13', height: '13', fill: 'currentColor' });
    expect(frame(markup)).toMatchObject({ 'stroke-width': '2', 'stroke-linecap': 'round' });
    expect(markup).toContain('<path d="M1 1h2"></path>');
    expect(frame(renderToStaticMarkup(<PinIcon pinned />)).fill).toBe('currentColor');
  });
});
