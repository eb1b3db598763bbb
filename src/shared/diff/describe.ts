/*
 * One-line wording of changes and notes, shared by the list in the view and "copy as text", so what
 * is copied reads exactly like what is shown.
 */
import { assertNever } from '../errors';
import type { DiffNote, JsonChange, NamedChange, TextChange } from './types';

export function describeJsonChange(c: JsonChange): string {
  switch (c.kind) {
    case 'added':
      return `${c.path}: added ${c.after ?? ''}`.trimEnd();
    case 'removed':
      return `${c.path}: removed (was ${c.before ?? ''})`;
    case 'changed':
      return `${c.path}: ${c.before} → ${c.after}${c.typeChange ? ` (${c.typeChange.from} → ${c.typeChange.to})` : ''}`;
    case 'moved':
      return `${c.path}: moved`;
    default:
      return assertNever(c.kind, 'change kind');
  }
}

function values(v: string[] | undefined): string {
  if (!v) return '';
  return v.length === 1 ? v[0] : `[${v.join(', ')}]`;
}

export function describeNamedChange(c: NamedChange): string {
  switch (c.kind) {
    case 'added':
      return `${c.name}: added ${values(c.after)}`;
    case 'removed':
      return `${c.name}: removed (was ${values(c.before)})`;
    case 'changed':
      return `${c.name}: ${values(c.before)} → ${values(c.after)}`;
    default:
      return assertNever(c.kind, 'change kind');
  }
}

function range(line: number, count: number): string {
  if (count === 0) return `after line ${line - 1}`;
  return count === 1 ? `line ${line}` : `lines ${line}–${line + count - 1}`;
}

/** Longest piece of a changed text quoted in a change line: a 25 MB one-line body must not become a 25 MB label. */
export const QUOTED_TEXT_MAX_CHARS = 200;

function quoted(text: string | undefined): string {
  const t = text ?? '';
  if (t.length <= QUOTED_TEXT_MAX_CHARS) return JSON.stringify(t);
  return `${JSON.stringify(t.slice(0, QUOTED_TEXT_MAX_CHARS))}… (${t.length.toLocaleString('en-US')} characters)`;
}

export function describeTextChange(c: TextChange): string {
  switch (c.kind) {
    case 'added':
      return `${range(c.rightLine, c.rightCount)} (right): added ${quoted(c.after)}`;
    case 'removed':
      return `${range(c.leftLine, c.leftCount)} (left): removed ${quoted(c.before)}`;
    case 'changed':
      return `${range(c.leftLine, c.leftCount)} → ${range(c.rightLine, c.rightCount)}: ${quoted(c.before)} → ${quoted(c.after)}`;
    default:
      return assertNever(c.kind, 'change kind');
  }
}

export function describeNote(n: DiffNote): string {
  switch (n.kind) {
    case 'duplicate-key':
      return `${n.side === 'left' ? 'Left' : 'Right'} body repeats the key ${n.path}; JSON.parse keeps the last value, so that is what is compared.`;
    case 'number-format':
      return `${n.path}: ${n.left} and ${n.right} are the same number written differently.`;
    case 'number-precision':
      return `${n.path}: ${n.left} and ${n.right} differ, but JavaScript's JSON.parse reads both as the same number.`;
    case 'invalid-json':
      return `${n.side === 'left' ? 'Left' : 'Right'} body: ${n.message}`;
    case 'fallback':
      return n.message;
    case 'truncated':
      return `Showing the first ${n.shown} of ${n.total} changes.`;
    case 'header-case':
      return `Header ${n.name} is spelled ${n.left} on the left and ${n.right} on the right (names compare case-insensitively).`;
    default:
      return assertNever(n, 'note');
  }
}
