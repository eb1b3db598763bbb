/*
 * The response editor shows headers as `Name: value` lines (the way they look on the wire) and
 * sends them as ordered pairs. Blank lines are skipped; a line without a colon is an error.
 */
import type { HeaderPair } from '../../../../shared/capture';

export function headersToText(headers: readonly HeaderPair[]): string {
  return headers.map(([n, v]) => `${n}: ${v}`).join('\n');
}

export function parseHeadersText(text: string): { headers: HeaderPair[]; error: string | null } {
  const headers: HeaderPair[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) return { headers, error: `Line ${i + 1}: expected "Name: value".` };
    headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return { headers, error: null };
}
