import { describe, expect, it } from 'vitest';
import { applyNoise, compareCaptures, compileNoise } from '../../../../shared/diff';
import type { CaptureRecord } from '../../../../shared/capture';
import { changeLines, hiddenLines, noiseChunks } from './noise-chunks';

function capture(id: string, body: object): CaptureRecord {
  const text = JSON.stringify(body);
  return {
    id,
    endpointId: 'default',
    receivedAt: '2026-01-01T00:00:00.000Z',
    method: 'POST',
    url: '/hook',
    httpVersion: '1.1',
    headers: [['Content-Type', 'application/json']],
    body: { size: text.length, encoding: 'utf8', text },
    remoteAddress: '127.0.0.1',
    via: 'local',
    response: { status: 200, ms: 1 },
  };
}

describe('noise chunks', () => {
  it('marks a chunk noise only when it holds hidden changes and no shown one', () => {
    const chunks = [
      { left: { from: 2, to: 2 }, right: { from: 2, to: 2 } },
      { left: { from: 5, to: 5 }, right: { from: 5, to: 6 } },
      { left: { from: 9, to: 8 }, right: { from: 9, to: 9 } },
    ];
    const shown = { left: [5], right: [5] };
    const hidden = { left: [2, 5], right: [2, 6, 9] };
    expect(noiseChunks(chunks, shown, hidden)).toEqual([true, false, true]);
    expect(noiseChunks(chunks, shown, { left: [], right: [] })).toEqual([false, false, false]);
  });

  it('takes the hidden lines from what the noise rules removed', () => {
    const cmp = compareCaptures(
      capture('a', { created: 1700000000, amount: 1 }),
      capture('b', { created: 1700000042, amount: 2 }),
    );
    const filtered = applyNoise(
      cmp,
      compileNoise({ presets: { timestamps: true, ids: false, signatures: false }, jsonPaths: [], headers: [] }),
    );
    const hidden = hiddenLines(cmp.body, filtered.body);
    const shown = changeLines(filtered.body);
    expect(hidden).toEqual({ left: [2], right: [2] });
    expect(shown).toEqual({ left: [3], right: [3] });
  });
});
