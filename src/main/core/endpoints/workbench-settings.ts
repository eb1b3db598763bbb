/*
 * The settings dialog's own fields: the preferred capture port (checked for range and for being
 * free) and the `ui` section. Tunnel and replay settings have their own methods in their sections.
 */
import net from 'node:net';
import type { WorkbenchSettingsPatch, WorkbenchSettingsView } from '../../../shared/api/endpoints';
import { HooklensError } from '../../../shared/errors';
import type { ThemeChoice, UiSettings } from '../../../shared/settings';
import type { SettingsStore } from '../settings/settings-store';

const THEMES: readonly ThemeChoice[] = ['system', 'light', 'dark'];
export const LIST_WIDTH_RANGE = { min: 220, max: 1200 } as const;
export const RETENTION_RANGE = { min: 100, max: 1_000_000 } as const;

function invalid(message: string): never {
  throw new HooklensError('invalid_argument', message);
}

/** Resolves to null when the port can be bound on `host`, else to a reason. */
export function portProblem(port: number, host: string): Promise<string | null> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', (err: NodeJS.ErrnoException) =>
      resolve(
        err.code === 'EADDRINUSE'
          ? `port ${port} is in use by another program.`
          : err.code === 'EACCES'
            ? `port ${port} needs administrator rights.`
            : `port ${port} cannot be used (${err.code ?? err.message}).`,
      ),
    );
    server.listen(port, host, () => server.close(() => resolve(null)));
  });
}

export function checkUiPatch(patch: unknown): Partial<UiSettings> {
  if (!patch || typeof patch !== 'object') invalid('ui: expected an object.');
  const p = patch as Partial<Record<keyof UiSettings, unknown>>;
  const out: Partial<UiSettings> = {};
  if (p.theme !== undefined) {
    if (!THEMES.includes(p.theme as ThemeChoice)) invalid('ui.theme: choose system, light or dark.');
    out.theme = p.theme as ThemeChoice;
  }
  if (p.notifications !== undefined) {
    if (typeof p.notifications !== 'boolean') invalid('ui.notifications: expected true or false.');
    out.notifications = p.notifications;
  }
  if (p.listWidth !== undefined) {
    if (typeof p.listWidth !== 'number' || !Number.isFinite(p.listWidth)) invalid('ui.listWidth: expected a number.');
    out.listWidth = Math.round(Math.min(LIST_WIDTH_RANGE.max, Math.max(LIST_WIDTH_RANGE.min, p.listWidth)));
  }
  return out;
}

export interface WorkbenchSettingsDeps {
  settings: SettingsStore;
  dataDir: string;
  /** Port and host the capture listener is on now. */
  capture(): { port: number; host: string };
}

export function createWorkbenchSettings(deps: WorkbenchSettingsDeps) {
  const view = (): WorkbenchSettingsView => ({
    capturePort: deps.settings.section('capture').port,
    maxCaptures: deps.settings.section('capture').maxCaptures,
    ui: deps.settings.section('ui'),
    currentCapturePort: deps.capture().port,
    dataDir: deps.dataDir,
  });
  return {
    view,
    async update(patch: WorkbenchSettingsPatch): Promise<WorkbenchSettingsView> {
      if (!patch || typeof patch !== 'object') invalid('Expected an object.');
      const ui = patch.ui === undefined ? undefined : checkUiPatch(patch.ui);
      const port = patch.capturePort;
      if (port !== undefined) {
        if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535)
          invalid('capturePort: use a port number from 1 to 65535.');
        const current = deps.capture();
        // The port we are listening on is "in use" by us, which is fine.
        if (port !== current.port) {
          const problem = await portProblem(port, current.host);
          if (problem) invalid(`capturePort: ${problem}`);
        }
      }
      const max = patch.maxCaptures;
      if (max !== undefined && (typeof max !== 'number' || !Number.isInteger(max) || max < RETENTION_RANGE.min || max > RETENTION_RANGE.max))
        invalid(`maxCaptures: keep from ${RETENTION_RANGE.min} to ${RETENTION_RANGE.max.toLocaleString('en')} captures.`);
      if (port !== undefined) await deps.settings.update('capture', { port });
      if (max !== undefined) await deps.settings.update('capture', { maxCaptures: max });
      if (ui) await deps.settings.update('ui', ui);
      return view();
    },
  };
}
