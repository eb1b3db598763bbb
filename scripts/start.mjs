// `npm start`: the desktop app when Electron can run here, browser mode otherwise.
// Electron's binary is fetched on the first start of each Electron version (installs use
// --ignore-scripts); when that fails, the failure is remembered and one line says why, how to
// retry, and that the same UI is served in the browser instead.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureBuild, root } from './ensure-build.mjs';
import { ensureElectron, fallbackLine, RETRY_ENV, RETRY_FLAG } from './electron-binary.mjs';

const args = process.argv.slice(2);
const retry = args.includes(RETRY_FLAG) || ['1', 'true'].includes(process.env[RETRY_ENV] ?? '');
const passThrough = args.filter((a) => a !== RETRY_FLAG);

function browserMode(line) {
  console.error(line);
  const cli = path.join(root, 'out', 'main', 'cli.js');
  const child = spawn(process.execPath, [cli, 'serve', ...passThrough], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

ensureBuild();

// On a terminal the download shows as a status that the outcome line overwrites: one line in all.
let status = false;
const electron = ensureElectron({
  root,
  retry,
  onDownloadStart: (version) => {
    status = process.stderr.isTTY === true;
    if (status) process.stderr.write(`Downloading Electron ${version}'s binary (once per version)…`);
  },
});
if (status) process.stderr.write('\r\x1b[K');

if (!electron.binary) browserMode(fallbackLine(electron));
else if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)
  browserMode('Desktop window unavailable: no display found; serving Hooklens in your browser instead.');
else {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(electron.binary, [root, ...passThrough], { stdio: 'inherit', env });
  child.on('exit', (code) => process.exit(code ?? 0));
}
