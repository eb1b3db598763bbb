/* Builders shared by this folder's tests. */
import type { CaptureRecord, HeaderPair } from '../capture';
import { diffJson } from './json-diff';
import type { JsonNode } from './json-node';
import { parseJson } from './json-parse';

export function node(text: string): JsonNode {
  const parsed = parseJson(text);
  if (!parsed.ok) throw new Error(`test JSON does not parse: ${parsed.message}`);
  return parsed.root;
}

/** Changes as `kind path` strings, the shape the expectations are written in. */
export function changeList(left: string, right: string): string[] {
  return diffJson(node(left), node(right)).changes.map((c) => `${c.kind} ${c.path}`);
}

export function record(overrides: Partial<CaptureRecord> & { body?: CaptureRecord['body'] } = {}): CaptureRecord {
  return {
    id: 'c1',
    endpointId: 'default',
    receivedAt: '2026-01-01T00:00:00.000Z',
    method: 'POST',
    url: '/hook',
    httpVersion: '1.1',
    headers: [],
    body: { size: 0, encoding: 'utf8', text: '' },
    remoteAddress: '127.0.0.1',
    via: 'local',
    response: { status: 200, ms: 1 },
    ...overrides,
  };
}

export function jsonRecord(
  id: string,
  text: string,
  headers: HeaderPair[] = [],
  extra: Partial<CaptureRecord> = {},
): CaptureRecord {
  return record({
    id,
    headers: [['Content-Type', 'application/json'], ...headers],
    body: { size: new TextEncoder().encode(text).length, encoding: 'utf8', text },
    ...extra,
  });
}
