// Reads the output of `npm test` and prints one closing line for both runners together:
// "tests: N passed, N failed, N skipped" (vitest's and Playwright's own summaries differ in form).
import { readFileSync } from 'node:fs';

// The runners colour their output with ANSI escapes (ESC is a control character on purpose).
// eslint-disable-next-line no-control-regex
const text = readFileSync(process.argv[2], 'utf8').replace(/\x1b\[[0-9;]*m/g, '');
const count = (re) => [...text.matchAll(re)].reduce((sum, m) => sum + Number(m[1]), 0);

// vitest: "Tests  558 passed (558)" / "Tests  2 failed | 556 passed (558)"
const vitestLine = text.split('\n').find((l) => /^\s*Tests\s+\d/.test(l)) ?? '';
const vitest = (word) => Number(new RegExp(`(\\d+) ${word}`).exec(vitestLine)?.[1] ?? 0);
// Playwright: "  17 passed (1.7m)", "  1 skipped", "  2 failed"
const pw = (word) => count(new RegExp(`^\\s+(\\d+) ${word}\\b`, 'gm'));

const passed = vitest('passed') + pw('passed');
const failed = vitest('failed') + pw('failed');
const skipped = vitest('skipped') + pw('skipped');
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
