/* The whole comparison as plain text, for "Copy diff". */
import { assertNever } from '../errors';
import type { FilteredComparison } from './apply-noise';
import { describeJsonChange, describeNamedChange, describeNote, describeTextChange } from './describe';
import type { BodyComparison } from './types';

export function formatElapsed(ms: number | null): string {
  if (ms === null) return 'unknown';
  const sign = ms < 0 ? '-' : '+';
  const abs = Math.abs(ms);
  if (abs < 1000) return `${sign}${abs} ms`;
  if (abs < 60_000) return `${sign}${(abs / 1000).toFixed(1)} s`;
  if (abs < 3_600_000) return `${sign}${Math.floor(abs / 60_000)} min ${Math.round((abs % 60_000) / 1000)} s`;
  return `${sign}${Math.floor(abs / 3_600_000)} h ${Math.round((abs % 3_600_000) / 60_000)} min`;
}

export function bodyChangeLines(body: BodyComparison): string[] {
  switch (body.kind) {
    case 'json':
      return body.changes.map(describeJsonChange);
    case 'form':
      return body.changes.map(describeNamedChange);
    case 'text':
      return body.changes.map(describeTextChange);
    case 'binary':
      return body.equal
        ? []
        : [`size ${body.left.size} → ${body.right.size} bytes`, `sha256 ${body.left.sha256} → ${body.right.sha256}`];
    case 'empty':
      return [];
    default:
      return assertNever(body, 'body comparison');
  }
}

const BODY_LABEL: Record<BodyComparison['kind'], string> = {
  json: 'JSON',
  form: 'form fields',
  text: 'text lines',
  binary: 'bytes',
  empty: 'both empty',
};

export function comparisonText(cmp: FilteredComparison): string {
  const out: string[] = [];
  out.push(`Left:  ${cmp.left.method} ${cmp.left.url} at ${cmp.left.receivedAt} (${cmp.left.id})`);
  out.push(`Right: ${cmp.right.method} ${cmp.right.url} at ${cmp.right.receivedAt} (${cmp.right.id})`);
  out.push(`Time between: ${formatElapsed(cmp.elapsedMs)}`);
  out.push('', 'Summary');
  for (const r of cmp.summary) {
    if (r.field === 'received') continue;
    out.push(r.same ? `  ${r.label}: ${r.left}` : `  ${r.label}: ${r.left} → ${r.right}`);
  }
  const section = (title: string, lines: string[], hidden: number): void => {
    out.push('', title);
    if (lines.length === 0) out.push('  (no differences)');
    for (const l of lines) out.push(`  ${l}`);
    if (hidden > 0) out.push(`  (${hidden} hidden by noise rules)`);
  };
  if (cmp.query.length > 0 || cmp.hidden.query > 0)
    section('Query', cmp.query.map(describeNamedChange), cmp.hidden.query);
  section('Headers', cmp.headers.map(describeNamedChange), cmp.hidden.headers);
  section(`Body (${BODY_LABEL[cmp.body.kind]})`, bodyChangeLines(cmp.body), cmp.hidden.body);
  const notes = [...cmp.notes, ...cmp.body.notes];
  if (notes.length > 0) {
    out.push('', 'Notes');
    for (const n of notes) out.push(`  ${describeNote(n)}`);
  }
  return out.join('\n');
}
