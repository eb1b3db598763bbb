import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { screenshotPath } from '../e2e/support/screenshots';

const E2E = path.resolve(import.meta.dirname, '../e2e');

describe('e2e screenshots', () => {
  it('go to test-results on a normal run and to docs/screenshots only when HOOKLENS_SCREENSHOTS=1', () => {
    expect(screenshotPath('capture', {})).toBe(path.resolve(E2E, '../test-results/screenshots/capture.png'));
    expect(screenshotPath('capture', { HOOKLENS_SCREENSHOTS: '0' })).toMatch(/test-results/);
    expect(screenshotPath('capture', { HOOKLENS_SCREENSHOTS: '1' })).toBe(
      path.resolve(E2E, '../docs/screenshots/capture.png'),
    );
  });

  it('no spec writes into docs/ by itself', async () => {
    const specs = (await readdir(E2E)).filter((f) => f.endsWith('.spec.ts'));
    expect(specs.length).toBeGreaterThan(3);
    const offenders: string[] = [];
    for (const f of specs)
      if (/docs\/screenshots|['"]\.\.\/docs/.test(await readFile(path.join(E2E, f), 'utf8'))) offenders.push(f);
    expect(offenders).toEqual([]);
  });
});
