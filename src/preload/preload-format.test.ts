/*
 * A sandboxed window loads its preload as a classic CommonJS script with a `require` that knows
 * only `electron` (and a few polyfills). An ES module preload fails there silently, so this test
 * runs the built file exactly that way.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { API_METHOD_NAMES } from '../shared/api';

const built = path.resolve(import.meta.dirname, '../../out/preload/index.cjs');

describe('built preload', () => {
  it('is CommonJS that a sandboxed preload loader can run, exposing only the contract', () => {
    expect(existsSync(built), 'run `npm run build` first (npm test does)').toBe(true);
    const code = readFileSync(built, 'utf8');
    expect(code).not.toMatch(/^\s*(import|export)\s/m);

    const exposed: Record<string, unknown> = {};
    const invoked: [string, unknown][] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
      ipcRenderer: {
        on: () => undefined,
        invoke: (channel: string, args: unknown) => {
          invoked.push([channel, args]);
          return Promise.resolve({ ok: true, value: null });
        },
      },
    };
    const sandboxRequire = (id: string): unknown => {
      if (id === 'electron') return electron;
      throw new Error(`a sandboxed preload cannot require ${id}`);
    };
    const module = { exports: {} };
    const wrapper = vm.runInNewContext(`(function (exports, require, module) {\n${code}\n})`, {}, { filename: built });
    wrapper(module.exports, sandboxRequire, module);

    expect(Object.keys(exposed)).toEqual(['hooklens']);
    const bridge = exposed.hooklens as Record<string, (...a: unknown[]) => unknown>;
    expect(Object.keys(bridge).sort()).toEqual([...API_METHOD_NAMES, 'on'].sort());
    void bridge.getCapture('abc');
    expect(invoked).toEqual([['hooklens:getCapture', ['abc']]]);
  });
});
