/*
 * Chooses how to compare two bodies and does it: JSON structurally, form fields by name, other
 * text by line, anything that is not UTF-8 by size and SHA-256. Invalid JSON or mismatched kinds
 * fall back to a line diff with a note saying why, never an error.
 */
import { headerValue, type CapturedBody, type HeaderPair } from '../capture';
import { bodyText, decodeBodyLenient } from '../body-codec';
import { diffJson, DEFAULT_MAX_CHANGES, type RawJsonChange } from './json-diff';
import { formatPath } from './json-path';
import { parseJson } from './json-parse';
import { prettyJson } from './json-pretty';
import { diffNamed, namedPairsText, parseFormFields } from './named-diff';
import { sha256Hex } from './sha256';
import { DiffMeter } from './diff-progress';
import { runSteps, type Steps } from './diff-steps';
import { diffText } from './text-diff';
import type { BodyComparison, DiffNote, JsonChange, Side } from './types';

export interface BodySide {
  headers: readonly HeaderPair[];
  body: Pick<CapturedBody, 'encoding' | 'text'>;
}

type Kind = 'empty' | 'json' | 'form' | 'text' | 'binary';

/**
 * Above this size (either side) JSON and form bodies are compared as text lines: a structural diff
 * of two 25 MB trees holds both in memory several times over and takes many seconds.
 */
export const STRUCTURAL_DIFF_MAX_BYTES = 5 * 1024 * 1024;
const STRUCTURAL_DIFF_MAX_MB = STRUCTURAL_DIFF_MAX_BYTES / 1024 / 1024;

interface Classified {
  kind: Kind;
  text: string | null;
}

function classify(side: BodySide): Classified {
  const text = bodyText(side.body);
  if (text === null) return { kind: 'binary', text };
  if (text.length === 0) return { kind: 'empty', text };
  const type = (headerValue(side.headers, 'content-type') ?? '').toLowerCase();
  if (/[/+]json\b/.test(type)) return { kind: 'json', text };
  if (type.includes('application/x-www-form-urlencoded')) return { kind: 'form', text };
  if (/^\s*[[{]/.test(text)) return { kind: 'json', text };
  return { kind: 'text', text };
}

const KIND_LABEL: Record<Kind, string> = {
  empty: 'empty',
  json: 'JSON',
  form: 'form fields',
  text: 'text',
  binary: 'binary',
};

export function compareBodies(left: BodySide, right: BodySide): BodyComparison {
  return runSteps(compareBodiesSteps(left, right, new DiffMeter()));
}

/**
 * The work of `compareBodies` in steps: it pauses between phases (a cooperative runner yields to
 * the event loop there, or stops) and reports each phase's progress to `meter`.
 */
export function* compareBodiesSteps(left: BodySide, right: BodySide, meter: DiffMeter): Steps<BodyComparison> {
  meter.stretch('reading', 0, 2);
  const l = classify(left);
  const r = classify(right);
  const notes: DiffNote[] = [];
  if (l.kind === 'empty' && r.kind === 'empty') return { kind: 'empty', notes };
  yield;
  if (l.kind === 'binary' || r.kind === 'binary' || l.text === null || r.text === null) {
    if (l.kind !== r.kind)
      notes.push({
        kind: 'fallback',
        message: `Left is ${KIND_LABEL[l.kind]}, right is ${KIND_LABEL[r.kind]}: compared as bytes.`,
      });
    const hashed = meter.stretch('comparing', 2, 100);
    const lb = decodeBodyLenient(left.body);
    const left_ = { size: lb.length, sha256: sha256Hex(lb) };
    hashed(1, 2);
    yield;
    const rb = decodeBodyLenient(right.body);
    const right_ = { size: rb.length, sha256: sha256Hex(rb) };
    return {
      kind: 'binary',
      equal: left_.sha256 === right_.sha256 && left_.size === right_.size,
      left: left_,
      right: right_,
      notes,
    };
  }
  const structural = l.kind === 'json' || r.kind === 'json' || (l.kind === 'form' && r.kind === 'form');
  if (structural && Math.max(l.text.length, r.text.length) > STRUCTURAL_DIFF_MAX_BYTES) {
    notes.push({
      kind: 'fallback',
      message: `Structural diff skipped above ${STRUCTURAL_DIFF_MAX_MB} MB; text diff shown.`,
    });
  } else if (l.kind === 'json' || r.kind === 'json') {
    const json = yield* compareJsonTexts(l.text, r.text, notes, l.kind === 'json', r.kind === 'json', meter);
    if (json) return json;
  } else if (l.kind === 'form' && r.kind === 'form') {
    meter.stretch('comparing', 2, 100);
    const lf = parseFormFields(l.text);
    const rf = parseFormFields(r.text);
    const { changes } = diffNamed(lf, rf, { caseInsensitive: false });
    return { kind: 'form', changes, notes, leftText: namedPairsText(lf, '='), rightText: namedPairsText(rf, '=') };
  } else if (l.kind !== r.kind) {
    notes.push({
      kind: 'fallback',
      message: `Left is ${KIND_LABEL[l.kind]}, right is ${KIND_LABEL[r.kind]}: compared as text lines.`,
    });
  }
  meter.stretch('comparing', 2, 100);
  const text = diffText(l.text, r.text);
  if (!text.exact)
    notes.push({
      kind: 'fallback',
      message: 'The texts differ in too many places to align line by line; the differing middle is shown as one block.',
    });
  return { kind: 'text', changes: text.changes, notes, leftText: l.text, rightText: r.text };
}

/*
 * JSON comparison, or null (with notes added) when a side does not parse. The stretches follow
 * where the time goes for a few MB: parsing about 40 %, the tree diff 10 %, printing both texts 50 %.
 */
function* compareJsonTexts(
  leftText: string,
  rightText: string,
  notes: DiffNote[],
  leftIsJson: boolean,
  rightIsJson: boolean,
  meter: DiffMeter,
): Steps<BodyComparison | null> {
  const lp = parseJson(leftText, meter.stretch('parsing', 2, 21));
  yield;
  const rp = parseJson(rightText, meter.stretch('parsing', 21, 40));
  yield;
  if (!lp.ok || !rp.ok) {
    for (const [side, parsed, expected, text] of [
      ['left', lp, leftIsJson, leftText],
      ['right', rp, rightIsJson, rightText],
    ] as const) {
      if (parsed.ok) continue;
      const message =
        text.length === 0
          ? 'The body is empty.'
          : `${expected ? 'Not valid JSON' : 'Not JSON'}: ${parsed.message} at line ${parsed.line}, column ${parsed.column}.`;
      notes.push({ kind: 'invalid-json', side, message });
    }
    notes.push({ kind: 'fallback', message: 'Compared as text lines because one side is not valid JSON.' });
    return null;
  }
  for (const [side, parsed] of [
    ['left', lp],
    ['right', rp],
  ] as const) {
    for (const at of parsed.duplicateKeys) {
      notes.push({ kind: 'duplicate-key', side, path: formatPath(at), at });
    }
  }
  meter.stretch('comparing', 40, 50);
  const diff = diffJson(lp.root, rp.root, { maxChanges: DEFAULT_MAX_CHANGES });
  notes.push(...diff.notes);
  if (diff.total > diff.changes.length)
    notes.push({ kind: 'truncated', shown: diff.changes.length, total: diff.total });
  yield;
  const lpretty = prettyJson(lp.root, undefined, { total: lp.nodes, report: meter.stretch('formatting', 50, 75) });
  yield;
  const rpretty = prettyJson(rp.root, lp.root, { total: rp.nodes, report: meter.stretch('formatting', 75, 100) });
  const changes: JsonChange[] = diff.changes.map((c: RawJsonChange) => ({
    ...c,
    leftLine: lpretty.lineOf(c.left),
    rightLine: rpretty.lineOf(c.right),
  }));
  return { kind: 'json', changes, notes, leftText: lpretty.text, rightText: rpretty.text };
}

export type { Side };
