/*
 * What the body's "Pretty" view shows, chosen from the declared Content-Type and the bytes: JSON
 * re-indented, a form's field table, or a multipart body's parts. When there is none, `why` says
 * so in words, so a disabled control never leaves the user guessing.
 */
import { decodeBody, type EncodedBody } from '../../../shared/body-codec';
import { formFields, isFormContentType, type FormField } from './form-fields';
import { isMultipartContentType, parseMultipart, type MultipartResult } from './multipart';
import { prettyJson } from './pretty-json';

export type PrettyBody =
  | { kind: 'json'; text: string }
  | { kind: 'form'; fields: FormField[] }
  | { kind: 'multipart'; result: MultipartResult };

export type PrettyChoice = { pretty: PrettyBody; why: null } | { pretty: null; why: string };

function jsonError(text: string): string | null {
  try {
    JSON.parse(text);
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

export function prettyBody(body: EncodedBody, contentType: string | undefined): PrettyChoice {
  if (isMultipartContentType(contentType)) {
    const result = parseMultipart(decodeBody(body), contentType ?? '');
    if (result.parts.length > 0) return { pretty: { kind: 'multipart', result }, why: null };
    return { pretty: null, why: `No parts view: ${result.problem ?? 'the multipart body has no parts.'}` };
  }
  if (body.encoding === 'base64') return { pretty: null, why: 'No pretty view: the body is not UTF-8 text (see Hex).' };
  if (isFormContentType(contentType)) return { pretty: { kind: 'form', fields: formFields(body.text) }, why: null };
  const json = prettyJson(body.text);
  if (json !== null) return { pretty: { kind: 'json', text: json }, why: null };
  if (/json/i.test(contentType ?? '') || /^\s*[{[]/.test(body.text)) {
    return { pretty: null, why: `No pretty view: not valid JSON (${jsonError(body.text.trim()) ?? 'empty'}).` };
  }
  const declared = contentType ? `this body is ${contentType}` : 'this body came without a Content-Type';
  return { pretty: null, why: `No pretty view: it shows JSON, form and multipart bodies; ${declared}.` };
}
