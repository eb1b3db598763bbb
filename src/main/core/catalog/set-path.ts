/*
 * `--set path=value` for test events: a dotted path into the JSON body (`data.object.amount`,
 * `items.0.price`; numeric segments index arrays), or a field name for form bodies. The value is
 * read as JSON when it parses (`500`, `true`, `null`, `{"a":1}`) and as a string otherwise, so
 * `--set currency=eur` needs no quotes.
 */
import { HooklensError } from '../../../shared/errors';
import type { FormFields } from './types';

export type Override = [path: string, value: string];

export function parseOverride(text: string): Override {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new HooklensError('invalid_argument', `--set expects path=value, got "${text}"`);
  return [text.slice(0, eq).trim(), text.slice(eq + 1)];
}

function overrideValue(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor']);

function setJsonPath(root: unknown, path: string, value: unknown): unknown {
  const segments = path.split('.');
  if (segments.some((s) => s === '' || FORBIDDEN.has(s)))
    throw new HooklensError('invalid_argument', `--set path "${path}" is not a dotted path`);
  if (typeof root !== 'object' || root === null)
    throw new HooklensError('invalid_argument', `--set ${path}: the body is not a JSON object`);
  let node = root as Record<string, unknown>;
  for (const [i, segment] of segments.entries()) {
    const last = i === segments.length - 1;
    const key = Array.isArray(node) ? Number(segment) : segment;
    if (Array.isArray(node) && !Number.isInteger(key))
      throw new HooklensError('invalid_argument', `--set ${path}: "${segment}" indexes an array`);
    if (last) {
      (node as Record<string | number, unknown>)[key] = value;
      break;
    }
    let next = (node as Record<string | number, unknown>)[key];
    if (typeof next !== 'object' || next === null) {
      next = /^\d+$/.test(segments[i + 1]!) ? [] : {};
      (node as Record<string | number, unknown>)[key] = next;
    }
    node = next as Record<string, unknown>;
  }
  return root;
}

function setFormField(body: FormFields, name: string, value: string): FormFields {
  const form = body.form.filter(([k]) => k !== name);
  const at = body.form.findIndex(([k]) => k === name);
  form.splice(at < 0 ? form.length : at, 0, [name, value]);
  return { form };
}

export function isFormFields(body: unknown): body is FormFields {
  return typeof body === 'object' && body !== null && Array.isArray((body as FormFields).form);
}

/** The body with every override applied, in order; JSON bodies are changed in place. */
export function applyOverrides(body: unknown, overrides: Override[]): unknown {
  let out = body;
  for (const [path, raw] of overrides) {
    out = isFormFields(out) ? setFormField(out, path, raw) : setJsonPath(out, path, overrideValue(raw));
  }
  return out;
}
