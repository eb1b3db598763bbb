import { describe, expect, it } from 'vitest';
import { parseHeaderParams } from './header-params';

describe('parseHeaderParams', () => {
  it('keeps every value of a repeated key in order and trims around parts', () => {
    const p = parseHeaderParams(' t=1700000000 , v1=aa,v1=bb,v0=cc', ',');
    expect(p.get('t')).toEqual(['1700000000']);
    expect(p.get('v1')).toEqual(['aa', 'bb']);
    expect(p.get('v0')).toEqual(['cc']);
  });

  it('splits on the given separator only and skips parts without "="', () => {
    const p = parseHeaderParams('ts=5;h1=x=y;junk;h1=', ';');
    expect(p.get('ts')).toEqual(['5']);
    // Only the first "=" separates key from value; base64 padding stays in the value.
    expect(p.get('h1')).toEqual(['x=y', '']);
    expect(p.has('junk')).toBe(false);
    expect(parseHeaderParams('ts=5;h1=x', ',').get('ts')).toEqual(['5;h1=x']);
  });
});
