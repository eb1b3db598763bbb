import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

async function sourceFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await sourceFiles(p)));
    else if (/\.(ts|tsx|mts|cts|js|mjs)$/.test(entry.name)) out.push(p);
  }
  return out;
}

describe('core boundary', () => {
  it('no file in src/main/core or src/shared imports electron', async () => {
    const roots = [import.meta.dirname, path.resolve(import.meta.dirname, '../../shared')];
    const offenders: string[] = [];
    let checked = 0;
    for (const root of roots) {
      for (const file of await sourceFiles(root)) {
        checked++;
        const text = await readFile(file, 'utf8');
        if (/(from\s+|require\(\s*|import\(\s*)['"]electron(\/[^'"]*)?['"]/.test(text)) offenders.push(file);
      }
    }
    expect(checked).toBeGreaterThan(10);
    expect(offenders).toEqual([]);
  });
});
