import { describe, expect, it } from 'vitest';
import { deserializeError, errorField, HooklensError, invalidField, serializeError } from './errors';

describe('errors across the boundary', () => {
  it('carries the field of an input error as data, not inside the message', () => {
    const wire = JSON.parse(JSON.stringify(serializeError(invalidField('ui.theme', 'Choose system, light or dark.'))));
    expect(wire).toEqual({ code: 'invalid_argument', message: 'Choose system, light or dark.', field: 'ui.theme' });
    const back = deserializeError(wire);
    expect(back).toBeInstanceOf(HooklensError);
    expect(back).toMatchObject({
      code: 'invalid_argument',
      field: 'ui.theme',
      message: 'Choose system, light or dark.',
    });
    expect(errorField(back)).toBe('ui.theme');
  });

  it('leaves the field out when an error is not about one input, and ignores a malformed one', () => {
    expect(serializeError(new HooklensError('not_found'))).toEqual({ code: 'not_found', message: expect.any(String) });
    expect(errorField(deserializeError({ code: 'invalid_argument', message: 'x', field: 42 }))).toBeNull();
    expect(errorField(new Error('capturePort: looks like a field'))).toBeNull();
  });
});
