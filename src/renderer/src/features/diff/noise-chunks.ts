/*
 * Which side-by-side chunks only hold changes that noise rules hide. CodeMirror's merge view diffs
 * the two texts itself and knows nothing of the rules, so its chunks are matched against the lines
 * of the structural changes: a chunk that holds a hidden change and no shown one is noise, and is
 * neither highlighted nor visited by "Next change".
 */
import type { BodyComparison } from '../../../../shared/diff';
import { assertNever } from '../../../../shared/errors';

/** 1-based inclusive line ranges; `to < from` is an insertion point between lines. */
export interface ChunkLines {
  left: { from: number; to: number };
  right: { from: number; to: number };
}

export interface ChangeLines {
  left: number[];
  right: number[];
}

const NONE: ChangeLines = { left: [], right: [] };

/** The lines of a body's listed changes (JSON and form bodies; text changes are never hidden). */
export function changeLines(body: BodyComparison): ChangeLines {
  switch (body.kind) {
    case 'json':
    case 'form':
      return { left: body.changes.map((c) => c.leftLine), right: body.changes.map((c) => c.rightLine) };
    case 'text':
    case 'binary':
    case 'empty':
      return NONE;
    default:
      return assertNever(body, 'body comparison');
  }
}

/** Lines of the changes in `full` that `filtered` no longer lists. */
export function hiddenLines(full: BodyComparison, filtered: BodyComparison): ChangeLines {
  if ((full.kind !== 'json' && full.kind !== 'form') || full.kind !== filtered.kind) return NONE;
  const kept = new Set<unknown>(filtered.changes);
  const gone = (full.changes as readonly unknown[]).filter((c) => !kept.has(c)) as typeof full.changes;
  return { left: gone.map((c) => c.leftLine), right: gone.map((c) => c.rightLine) };
}

function holds(range: { from: number; to: number }, lines: readonly number[]): boolean {
  // An insertion point sits after line `to`; a change anchored there belongs to it.
  const from = range.to < range.from ? range.to : range.from;
  return lines.some((l) => l >= from && l <= Math.max(range.to, range.from));
}

export function noiseChunks(chunks: readonly ChunkLines[], shown: ChangeLines, hidden: ChangeLines): boolean[] {
  return chunks.map((c) => {
    const hasHidden = holds(c.left, hidden.left) || holds(c.right, hidden.right);
    if (!hasHidden) return false;
    return !(holds(c.left, shown.left) || holds(c.right, shown.right));
  });
}
