/*
 * The comparison model: plain JSON-serialisable data, so it can be computed in a worker and posted
 * to the view, and filtered by noise rules without recomputing.
 *
 * A path is a list of segments: object keys (strings) and array indices (numbers). A change keeps
 * the path on each side because array items can sit at different indices on the two sides
 * (`items[1→2]` after an insertion above them).
 */

export type PathSegment = string | number;
export type JsonPath = PathSegment[];

export type ChangeKind = 'added' | 'removed' | 'changed' | 'moved';

export interface JsonChange {
  kind: ChangeKind;
  /** Display form, e.g. `data.object.amount` or `items[1→2].id`. */
  path: string;
  /** Path on the left side (for `added`: where it would be). */
  left: JsonPath;
  /** Path on the right side (for `removed`: where it would be). */
  right: JsonPath;
  /** Short text preview of the left value (absent for `added`). */
  before?: string;
  /** Short text preview of the right value (absent for `removed`). */
  after?: string;
  /** Set when a value changed type, e.g. `string → number`. */
  typeChange?: { from: JsonType; to: JsonType };
  /** 1-based lines in the pretty-printed texts (the nearest existing ancestor when missing on a side). */
  leftLine: number;
  rightLine: number;
}

export type JsonType = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';

/** A difference between two named values: a header, a form field, a query parameter. */
export interface NamedChange {
  kind: 'added' | 'removed' | 'changed';
  /** Original case (the right side's for added/changed, the left's for removed). */
  name: string;
  /** All values of that name on the left, in order (absent for `added`). */
  before?: string[];
  after?: string[];
  leftLine: number;
  rightLine: number;
}

export interface TextChange {
  kind: 'added' | 'removed' | 'changed';
  /** 1-based first line and count on each side; a count of 0 means an insertion point. */
  leftLine: number;
  leftCount: number;
  rightLine: number;
  rightCount: number;
  /** First line of the hunk on each side, shortened. */
  before?: string;
  after?: string;
}

export type DiffNote =
  | { kind: 'duplicate-key'; side: Side; path: string; at: JsonPath }
  | { kind: 'number-format'; path: string; at: JsonPath; left: string; right: string }
  | { kind: 'number-precision'; path: string; at: JsonPath; left: string; right: string }
  | { kind: 'invalid-json'; side: Side; message: string }
  | { kind: 'fallback'; message: string }
  | { kind: 'truncated'; shown: number; total: number }
  | { kind: 'header-case'; name: string; left: string; right: string };

export type Side = 'left' | 'right';

export interface BinaryInfo {
  size: number;
  sha256: string;
}

export type BodyComparison =
  | { kind: 'empty'; notes: DiffNote[] }
  | { kind: 'json'; changes: JsonChange[]; notes: DiffNote[]; leftText: string; rightText: string }
  | { kind: 'form'; changes: NamedChange[]; notes: DiffNote[]; leftText: string; rightText: string }
  | { kind: 'text'; changes: TextChange[]; notes: DiffNote[]; leftText: string; rightText: string }
  | { kind: 'binary'; equal: boolean; left: BinaryInfo; right: BinaryInfo; notes: DiffNote[] };

export type BodyKind = BodyComparison['kind'];

export interface SummaryRow {
  field: 'method' | 'path' | 'query' | 'status' | 'size' | 'content-type' | 'via' | 'received';
  label: string;
  left: string;
  right: string;
  same: boolean;
}

export interface CaptureSide {
  id: string;
  method: string;
  url: string;
  receivedAt: string;
}

export interface CaptureComparison {
  left: CaptureSide;
  right: CaptureSide;
  summary: SummaryRow[];
  /** Right receivedAt minus left receivedAt, in milliseconds (NaN-safe: null when unparsable). */
  elapsedMs: number | null;
  query: NamedChange[];
  headers: NamedChange[];
  /** Notes about headers and the request line (body notes live in `body.notes`). */
  notes: DiffNote[];
  body: BodyComparison;
}
