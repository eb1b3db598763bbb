import { describe, expect, it } from 'vitest';
import { deserializeError, invalidField } from '../../../shared/errors';
import { fieldErrorOf, isFieldError } from './field-errors';

describe('field errors', () => {
  it('take the field from the typed error, as it arrives over IPC or HTTP', () => {
    const err = deserializeError(
      JSON.parse(JSON.stringify(invalidField('response.status', 'Use a status code from 200 to 599.'))),
    );
    expect(fieldErrorOf(err)).toEqual({ field: 'response.status', text: 'Use a status code from 200 to 599.' });
    expect(isFieldError(err, 'Response.Status')).toBe(true);
  });

  it('never read a field out of the message text', () => {
    expect(fieldErrorOf(new Error('url: looks like a field'))).toEqual({
      field: null,
      text: 'Url: looks like a field',
    });
    expect(isFieldError(new Error('URL: x'), 'url')).toBe(false);
  });
});
