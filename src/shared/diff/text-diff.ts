/*
 * Line diff for bodies that are neither JSON nor form fields. Lines are interned to integers and
 * aligned with the same LCS as array items; each run of unaligned lines becomes one hunk.
 */
import { matchSequences } from './sequence-match';
import type { TextChange } from './types';

const PREVIEW_CHARS = 120;

export interface TextDiff {
  changes: TextChange[];
  /** False when the texts differed too much for a fine alignment (the middle is one hunk). */
  exact: boolean;
}

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}

export function diffText(left: string, right: string): TextDiff {
  const a = splitLines(left);
  const b = splitLines(right);
  const ids = new Map<string, number>();
  const intern = (lines: string[]): Int32Array => {
    const out = new Int32Array(lines.length);
    for (let i = 0; i < lines.length; i++) {
      let id = ids.get(lines[i]);
      if (id === undefined) {
        id = ids.size;
        ids.set(lines[i], id);
      }
      out[i] = id;
    }
    return out;
  };
  const match = matchSequences(intern(a), intern(b));
  const changes: TextChange[] = [];
  let li = 0;
  let ri = 0;
  for (let m = 0; m <= match.left.length; m++) {
    const lEnd = m < match.left.length ? match.left[m] : a.length;
    const rEnd = m < match.right.length ? match.right[m] : b.length;
    const leftCount = lEnd - li;
    const rightCount = rEnd - ri;
    if (leftCount > 0 || rightCount > 0) {
      const change: TextChange = {
        kind: leftCount === 0 ? 'added' : rightCount === 0 ? 'removed' : 'changed',
        leftLine: li + 1,
        leftCount,
        rightLine: ri + 1,
        rightCount,
      };
      if (leftCount > 0) change.before = shorten(a[li]);
      if (rightCount > 0) change.after = shorten(b[ri]);
      changes.push(change);
    }
    li = lEnd + 1;
    ri = rEnd + 1;
  }
  return { changes, exact: match.exact };
}

function shorten(line: string): string {
  return line.length > PREVIEW_CHARS ? `${line.slice(0, PREVIEW_CHARS)}…` : line;
}
