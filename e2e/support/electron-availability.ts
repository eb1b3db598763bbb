import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The Electron binary, or null when the install skipped its download. */
export function electronBinary(): string | null {
  try {
    const p = createRequire(import.meta.url)('electron') as unknown;
    return typeof p === 'string' && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

/** Why the desktop e2e suite cannot run here, or null when it can. */
export function electronSkipReason(): string | null {
  if (!electronBinary())
    return 'Electron binary not installed (offline install with ELECTRON_SKIP_BINARY_DOWNLOAD); `npm start` fetches it when online.';
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)
    return 'No display ($DISPLAY unset): run under xvfb-run to drive the desktop window.';
  return null;
}
