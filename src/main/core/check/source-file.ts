/*
 * `--capture-file`: the delivery the probes derive from, read from a file the user has. Two forms
 * are understood: a capture record as Hooklens stores and exports it (method, headers as
 * [name, value] pairs, body { encoding, text }) and a HAR file (its first entry), which every
 * browser and proxy can save.
 */
import { readFile } from 'node:fs/promises';
import { HooklensError } from '../../../shared/errors';
import type { HeaderPair } from '../../../shared/capture';
import { parseHar } from '../replay/har-import';
import type { Provider } from '../signatures/types';
import { deliveryFromCapture } from './delivery';
import type { SourceInput } from './run-check';

function isHeaderList(v: unknown): v is HeaderPair[] {
  return (
    Array.isArray(v) &&
    v.every((h) => Array.isArray(h) && h.length === 2 && typeof h[0] === 'string' && typeof h[1] === 'string')
  );
}

export function sourceFromText(input: string, name: string, provider: Provider): SourceInput {
  // Tools on Windows save JSON with a UTF-8 byte order mark, which JSON.parse refuses.
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new HooklensError(
      'invalid_argument',
      `${name} is not JSON (${err instanceof Error ? err.message : String(err)}): give a capture record or a HAR file.`,
    );
  }
  if (doc && typeof doc === 'object' && 'log' in doc) {
    const [first] = parseHar(text).requests;
    if (!first) throw new HooklensError('invalid_argument', `${name} is a HAR file without entries.`);
    return { delivery: deliveryFromCapture(first.request, provider), label: `${name} (HAR, first entry)` };
  }
  const rec = doc as {
    method?: unknown;
    headers?: unknown;
    body?: { encoding?: unknown; text?: unknown };
    id?: unknown;
  };
  const bodyOk =
    !!rec?.body &&
    (rec.body.encoding === 'utf8' || rec.body.encoding === 'base64') &&
    typeof rec.body.text === 'string';
  if (typeof rec?.method !== 'string' || !isHeaderList(rec.headers) || !bodyOk) {
    throw new HooklensError(
      'invalid_argument',
      `${name} is neither a capture record ({ method, headers: [[name, value]…], body: { encoding, text } }) nor a HAR file.`,
    );
  }
  const body = rec.body as { encoding: 'utf8' | 'base64'; text: string };
  const label = typeof rec.id === 'string' ? `capture ${rec.id} from ${name}` : name;
  return { delivery: deliveryFromCapture({ method: rec.method, headers: rec.headers, body }, provider), label };
}

export async function sourceFromFile(path: string, provider: Provider): Promise<SourceInput> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new HooklensError(
      'invalid_argument',
      `--capture-file ${path} cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)}).`,
    );
  }
  return sourceFromText(text, path, provider);
}
