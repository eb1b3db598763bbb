// Builds the app (electron-vite) when out/ is missing or older than the sources, so that
// `npm start` and the `hooklens` command work straight after `npm install --ignore-scripts`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

export function ensureBuild() {
  const outputs = ['out/main/cli.js', 'out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'].map(
    (f) => path.join(root, f),
  );
  const srcDir = path.join(root, 'src');
  const built = outputs.every((f) => existsSync(f));
  if (built && (!existsSync(srcDir) || newestMtime(srcDir) <= Math.min(...outputs.map((f) => statSync(f).mtimeMs))))
    return;
  console.error('Building Hooklens…');
  const cli = path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [cli, 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) {
    console.error('Build failed; see the errors above.');
    process.exit(result.status ?? 1);
  }
}
