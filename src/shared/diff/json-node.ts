/*
 * The parsed JSON tree the diff and the pretty-printer walk: the node shapes and key lookup in
 * objects. Objects are key/value arrays, not JS objects, so keys like `__proto__` are ordinary data.
 */
export type JsonNode = JsonNull | JsonBool | JsonNum | JsonStr | JsonArr | JsonObj;
/*
 * `h` is the structural hash. Primitive nodes are immutable and shared (every `"usd"` in a document
 * is one node), which keeps a parsed megabyte small. Containers carry scratch space for the
 * pretty-printer: `ln`, their line in the last printout, and `cl`, their children's lines — fields
 * rather than a side Map because a Map of every node costs more than the whole parse.
 */
export interface JsonNull {
  t: 'null';
  h: number;
}
export interface JsonBool {
  t: 'boolean';
  v: boolean;
  h: number;
}
export interface JsonNum {
  t: 'number';
  raw: string;
  canon: string;
  h: number;
}
export interface JsonStr {
  t: 'string';
  v: string;
  h: number;
}
export interface JsonArr {
  t: 'array';
  items: JsonNode[];
  h: number;
  ln: number;
  cl: Int32Array | null;
}
/** Keys in document order (a repeated key keeps its first position and its last value, like JSON.parse). */
export interface JsonObj {
  t: 'object';
  keys: string[];
  vals: JsonNode[];
  h: number;
  ln: number;
  cl: Int32Array | null;
  index: Map<string, number> | null;
}

/** Objects up to this size are searched by scanning, larger ones through an index built on first use. */
export const INDEX_AFTER = 16;

/** Position of `key` in `obj`, or -1; `hint` is tried first (keys often sit at the same position). */
export function keyIndex(obj: JsonObj, key: string, hint = -1): number {
  const keys = obj.keys;
  if (hint >= 0 && hint < keys.length && keys[hint] === key) return hint;
  if (keys.length <= INDEX_AFTER) {
    for (let i = 0; i < keys.length; i++) if (keys[i] === key) return i;
    return -1;
  }
  let index = obj.index;
  if (!index) {
    index = new Map();
    for (let i = 0; i < keys.length; i++) index.set(keys[i], i);
    obj.index = index;
  }
  return index.get(key) ?? -1;
}

export function objGet(obj: JsonObj, key: string, hint = -1): JsonNode | undefined {
  const i = keyIndex(obj, key, hint);
  return i < 0 ? undefined : obj.vals[i];
}
