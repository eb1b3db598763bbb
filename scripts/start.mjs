// `npm start`: the desktop app when Electron can run here, browser mode otherwise.
// Electron's binary is fetched on first run (installs use --ignore-scripts); when that fails,
// one line says why and the same UI is served in the browser instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ensureBuild, root } from './ensure-build.mjs';

const require = createRequire(import.meta.url);
const passThrough = process.argv.slice(2);

function electronBinary() {
  try {
    const p = require('electron');
    return typeof p === 'string' && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

function fetchElectron() {
  const installer = path.join(root, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return 'the electron package is not installed';
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  console.error('Downloading the Electron binary (first run only)…');
  const r = spawnSync(process.execPath, [installer], { cwd: path.dirname(installer), env, encoding: 'utf8', timeout: 180_000 });
  if (r.error) return r.error.code === 'ETIMEDOUT' ? 'the download timed out' : r.error.message;
  if (r.status !== 0) {
    const line = `${r.stderr}`.split('\n').find((l) => /error/i.test(l)) ?? `installer exited with ${r.status}`;
    return line.trim().slice(0, 200);
  }
  return electronBinary() ? null : 'the installer finished but no binary was found';
}

function browserMode(reason) {
  console.error(`Desktop window unavailable (${reason}); serving Hooklens in your browser instead.`);
  const cli = path.join(root, 'out', 'main', 'cli.js');
  const child = spawn(process.execPath, [cli, 'serve', ...passThrough], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

ensureBuild();

let binary = electronBinary();
const failure = binary ? null : fetchElectron();
binary = binary ?? electronBinary();
if (!binary) browserMode(`Electron's binary could not be installed: ${failure}`);
else if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) browserMode('no display found');
else {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, [root, ...passThrough], { stdio: 'inherit', env });
  child.on('exit', (code) => process.exit(code ?? 0));
}
