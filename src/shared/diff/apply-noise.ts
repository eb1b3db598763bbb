/*
 * Filters a comparison through noise rules. Cheap (no re-diffing), so toggles apply instantly.
 */
import { assertNever } from '../errors';
import type { NoiseMatcher } from './noise-rules';
import type { BodyComparison, CaptureComparison, DiffNote, JsonChange, NamedChange } from './types';

export interface FilteredComparison extends CaptureComparison {
  /** How many changes the rules hid, per section. */
  hidden: { query: number; headers: number; body: number };
}

export function applyNoise(cmp: CaptureComparison, noise: NoiseMatcher): FilteredComparison {
  if (!noise.active) return { ...cmp, hidden: { query: 0, headers: 0, body: 0 } };
  const query = cmp.query.filter((c) => !noise.jsonPath([c.name]));
  const headers = cmp.headers.filter((c) => !noise.header(c.name));
  const body = filterBody(cmp.body, noise);
  return {
    ...cmp,
    query,
    headers,
    notes: cmp.notes.filter((n) => keepNote(n, noise)),
    body: body.body,
    hidden: { query: cmp.query.length - query.length, headers: cmp.headers.length - headers.length, body: body.hidden },
  };
}

function jsonChangeIgnored(c: JsonChange, noise: NoiseMatcher): boolean {
  switch (c.kind) {
    case 'added':
      return noise.jsonPath(c.right);
    case 'removed':
      return noise.jsonPath(c.left);
    case 'changed':
    case 'moved':
      return noise.jsonPath(c.right) || noise.jsonPath(c.left);
    default:
      return assertNever(c.kind, 'change kind');
  }
}

function keepNote(n: DiffNote, noise: NoiseMatcher): boolean {
  switch (n.kind) {
    case 'duplicate-key':
    case 'number-format':
    case 'number-precision':
      return !noise.jsonPath(n.at);
    case 'header-case':
      return !noise.header(n.name);
    case 'invalid-json':
    case 'fallback':
    case 'truncated':
      return true;
    default:
      return assertNever(n, 'note');
  }
}

function filterBody(body: BodyComparison, noise: NoiseMatcher): { body: BodyComparison; hidden: number } {
  const notes = body.notes.filter((n) => keepNote(n, noise));
  switch (body.kind) {
    case 'json': {
      const changes = body.changes.filter((c) => !jsonChangeIgnored(c, noise));
      return { body: { ...body, changes, notes }, hidden: body.changes.length - changes.length };
    }
    case 'form': {
      const changes = body.changes.filter((c: NamedChange) => !noise.jsonPath([c.name]));
      return { body: { ...body, changes, notes }, hidden: body.changes.length - changes.length };
    }
    case 'text':
    case 'binary':
    case 'empty':
      return { body: { ...body, notes }, hidden: 0 };
    default:
      return assertNever(body, 'body comparison');
  }
}
