import { describe, expect, it } from 'vitest';
import { utf8Bytes } from '../../../shared/body-codec';
import { escapedText } from './escaped-text';
import { formFields, isFormContentType } from './form-fields';
import { headerParam, parseMultipart } from './multipart';
import { prettyBody } from './body-pretty';

describe('form fields', () => {
  it('keeps each field as sent beside its decoded form, repeats and odd escapes included', () => {
    expect(formFields('a%20b=c+d&a%20b=2&flag&bad=%E0%A4%A&=v')).toEqual([
      { rawName: 'a%20b', rawValue: 'c+d', name: 'a b', value: 'c d' },
      { rawName: 'a%20b', rawValue: '2', name: 'a b', value: '2' },
      { rawName: 'flag', rawValue: '', name: 'flag', value: '' },
      { rawName: 'bad', rawValue: '%E0%A4%A', name: 'bad', value: '\ufffd%A' },
      { rawName: '', rawValue: 'v', name: '', value: 'v' },
    ]);
    expect(formFields('')).toEqual([]);
  });

  it('recognises the form content type with parameters', () => {
    expect(isFormContentType('application/x-www-form-urlencoded; charset=utf-8')).toBe(true);
    expect(isFormContentType('application/json')).toBe(false);
    expect(isFormContentType(undefined)).toBe(false);
  });
});

describe('escaped text', () => {
  it('shows invalid bytes as \\xNN and valid UTF-8 as text', () => {
    const bytes = new Uint8Array([0x68, 0x69, 0x89, 0x50, 0xc3, 0xa9, 0xed, 0xa0, 0x80, 0xf0, 0x9f, 0x98, 0x80, 0xc3]);
    expect(escapedText(bytes)).toEqual({ text: 'hi\\x89Pé\\xed\\xa0\\x80😀\\xc3', escaped: 5 });
    expect(escapedText(utf8Bytes('plain'))).toEqual({ text: 'plain', escaped: 0 });
  });
});

describe('multipart', () => {
  it('splits what a real client sends: fields, a text file and a binary file with exact bytes', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0x0d, 0x0a, 0x2d, 0x2d]);
    const form = new FormData();
    form.append('event', 'upload');
    form.append('note', new Blob(['line 1\r\nline 2'], { type: 'text/plain' }), 'notes.txt');
    form.append('image', new Blob([png], { type: 'image/png' }), 'pic-1.png');
    const res = new Response(form);
    const contentType = res.headers.get('content-type') ?? '';
    const bytes = new Uint8Array(await res.arrayBuffer());

    const { parts, problem } = parseMultipart(bytes, contentType);
    expect(problem).toBeNull();
    expect(parts.map((p) => [p.name, p.filename, p.contentType, p.bytes.length])).toEqual([
      ['event', null, null, 6],
      ['note', 'notes.txt', 'text/plain', 14],
      ['image', 'pic-1.png', 'image/png', png.length],
    ]);
    expect(parts[0].text).toBe('upload');
    expect(parts[1].text).toBe('line 1\r\nline 2');
    expect(parts[2].text).toBeNull();
    expect([...parts[2].bytes]).toEqual([...png]);
  });

  it('reports a missing boundary or closing delimiter instead of throwing', () => {
    expect(parseMultipart(utf8Bytes('x'), 'multipart/form-data').problem).toMatch(/no boundary/);
    expect(parseMultipart(utf8Bytes('x'), 'multipart/form-data; boundary=zz').problem).toMatch(/does not occur/);
    const cut = parseMultipart(
      utf8Bytes('--zz\r\nContent-Disposition: form-data; name="a"\r\n\r\nhalf'),
      'multipart/form-data; boundary="zz"',
    );
    expect(cut.parts.map((p) => p.text)).toEqual(['half']);
    expect(cut.problem).toMatch(/closing boundary is missing/);
  });

  it('reads quoted and extended parameters', () => {
    expect(headerParam('form-data; name="a;b"; filename=x.txt', 'name')).toBe('a;b');
    expect(headerParam('form-data; name="a;b"; filename=x.txt', 'filename')).toBe('x.txt');
    const { parts } = parseMultipart(
      utf8Bytes(
        '--b\r\nContent-Disposition: form-data; name=f; filename="x"; filename*=UTF-8\'\'na%C3%AFve.txt\r\n\r\nok\r\n--b--\r\n',
      ),
      'multipart/form-data; boundary=b',
    );
    expect(parts[0].filename).toBe('naïve.txt');
  });
});

describe('pretty body', () => {
  const text = (t: string) => ({ encoding: 'utf8' as const, text: t });
  it('picks JSON, form fields or parts, and says why when there is none', () => {
    expect(prettyBody(text('{"a":1}'), 'application/json').pretty?.kind).toBe('json');
    expect(prettyBody(text('a=1&b=2'), 'application/x-www-form-urlencoded').pretty).toMatchObject({ kind: 'form' });
    expect(prettyBody(text('--b\r\n\r\nx\r\n--b--'), 'multipart/form-data; boundary=b').pretty?.kind).toBe('multipart');
    expect(prettyBody(text('{"a":'), 'application/json').why).toMatch(/^No pretty view: not valid JSON \(.+\)\.$/);
    expect(prettyBody(text('hello'), 'text/plain').why).toBe(
      'No pretty view: it shows JSON, form and multipart bodies; this body is text/plain.',
    );
    expect(prettyBody(text('hello'), undefined).why).toMatch(/without a Content-Type/);
    expect(prettyBody({ encoding: 'base64', text: '/w==' }, 'image/png').why).toMatch(/not UTF-8/);
    expect(prettyBody(text('x'), 'multipart/form-data').why).toMatch(/names no boundary/);
  });
});
