import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CORE = import.meta.dirname;
const SHARED = path.resolve(CORE, '../../shared');
const CLI = path.resolve(CORE, '../cli');
// This file names forbidden imports in its own examples.
const SELF = fileURLToPath(import.meta.url);

async function sourceFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await sourceFiles(p)));
    else if (/\.(ts|tsx|mts|cts|js|mjs)$/.test(entry.name) && p !== SELF) out.push(p);
  }
  return out;
}

/** Every module specifier a file names: static imports and re-exports, `import()`, `require()`. */
function specifiers(text: string): string[] {
  const out: string[] = [];
  const re = /(?:\bfrom\s+|\bimport\s+|\bimport\(\s*|\brequire\(\s*)['"]([^'"]+)['"]/g;
  for (const m of text.matchAll(re)) out.push(m[1]);
  return out;
}

describe('core boundary', () => {
  it('finds the specifiers of every import form', () => {
    // The sample names are put in at run time, so this file's text holds no import of them itself
    // (tools that scan the tree for a core importing electron or the CLI would list it).
    const [shell, shellMain, cli] = ['electron', 'electron/main', '../cli/cli-args'];
    const text = [
      `import { app } from '${shell}';`,
      `import '${shellMain}';`,
      `export * from '${cli}';`,
      "const x = await import('./a');",
      "const y = require('b');",
    ].join('\n');
    expect(specifiers(text)).toEqual([shell, shellMain, cli, './a', 'b']);
  });

  it('no file in src/main/core or src/shared imports electron', async () => {
    const offenders: string[] = [];
    let checked = 0;
    for (const root of [CORE, SHARED]) {
      for (const file of await sourceFiles(root)) {
        checked++;
        const names = specifiers(await readFile(file, 'utf8'));
        if (names.some((n) => n === 'electron' || n.startsWith('electron/'))) offenders.push(file);
      }
    }
    expect(checked).toBeGreaterThan(10);
    expect(offenders).toEqual([]);
  });

  it('no file in src/main/core or src/shared imports the CLI layer (src/main/cli)', async () => {
    const offenders: string[] = [];
    for (const root of [CORE, SHARED]) {
      for (const file of await sourceFiles(root)) {
        for (const name of specifiers(await readFile(file, 'utf8'))) {
          if (!name.startsWith('.')) continue;
          const target = path.resolve(path.dirname(file), name);
          if (target === CLI || target.startsWith(CLI + path.sep)) offenders.push(`${file} -> ${name}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});
