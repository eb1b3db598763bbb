/*
 * The app settings service: the settings dialog's own fields, the preferred capture port (checked
 * for range and for being free), the retention cap and the `ui` section. Tunnel and replay settings
 * have their own methods in their sections.
 */
import net from 'node:net';
import type { AppSettingsMethods, AppSettingsPatch, AppSettingsView } from '../../../shared/api/app-settings';
import { HooklensError, invalidField } from '../../../shared/errors';
import type { ThemeChoice, UiSettings } from '../../../shared/settings';
import type { CoreEvents } from '../events';
import type { CoreService } from '../service';
import type { SettingsStore } from './settings-store';

const THEMES: readonly ThemeChoice[] = ['system', 'light', 'dark'];
export const LIST_WIDTH_RANGE = { min: 220, max: 1200 } as const;
export const RETENTION_RANGE = { min: 100, max: 1_000_000 } as const;

function invalid(field: string, message: string): never {
  throw invalidField(field, message);
}

/** Resolves to null when the port can be bound on `host`, else to a reason. */
export function portProblem(port: number, host: string): Promise<string | null> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', (err: NodeJS.ErrnoException) =>
      resolve(
        err.code === 'EADDRINUSE'
          ? `Port ${port} is in use by another program.`
          : err.code === 'EACCES'
            ? `Port ${port} needs administrator rights.`
            : `Port ${port} cannot be used (${err.code ?? err.message}).`,
      ),
    );
    server.listen(port, host, () => server.close(() => resolve(null)));
  });
}

export function checkUiPatch(patch: unknown): Partial<UiSettings> {
  if (!patch || typeof patch !== 'object') invalid('ui', 'Expected an object.');
  const p = patch as Partial<Record<keyof UiSettings, unknown>>;
  const out: Partial<UiSettings> = {};
  if (p.theme !== undefined) {
    if (!THEMES.includes(p.theme as ThemeChoice)) invalid('ui.theme', 'Choose system, light or dark.');
    out.theme = p.theme as ThemeChoice;
  }
  if (p.notifications !== undefined) {
    if (typeof p.notifications !== 'boolean') invalid('ui.notifications', 'Expected true or false.');
    out.notifications = p.notifications;
  }
  if (p.listWidth !== undefined) {
    if (typeof p.listWidth !== 'number' || !Number.isFinite(p.listWidth)) invalid('ui.listWidth', 'Expected a number.');
    out.listWidth = Math.round(Math.min(LIST_WIDTH_RANGE.max, Math.max(LIST_WIDTH_RANGE.min, p.listWidth)));
  }
  return out;
}

export interface AppSettingsDeps {
  settings: SettingsStore;
  dataDir: string;
  /** Receives 'app-settings:changed' after every saved change. */
  events: CoreEvents;
  /** Port and host the capture listener is on now. */
  capture(): { port: number; host: string };
}

export type AppSettingsService = CoreService<AppSettingsMethods>;

export function createAppSettingsService(deps: AppSettingsDeps): AppSettingsService {
  const view = (): AppSettingsView => ({
    capturePort: deps.settings.section('capture').port,
    maxCaptures: deps.settings.section('capture').maxCaptures,
    ui: deps.settings.section('ui'),
    currentCapturePort: deps.capture().port,
    dataDir: deps.dataDir,
  });
  async function update(patch: AppSettingsPatch): Promise<AppSettingsView> {
    if (!patch || typeof patch !== 'object') throw new HooklensError('invalid_argument', 'Expected an object.');
    const ui = patch.ui === undefined ? undefined : checkUiPatch(patch.ui);
    const port = patch.capturePort;
    if (port !== undefined) {
      if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535)
        invalid('capturePort', 'Use a port number from 1 to 65535.');
      const current = deps.capture();
      // The port we are listening on is "in use" by us, which is fine.
      if (port !== current.port) {
        const problem = await portProblem(port, current.host);
        if (problem) invalid('capturePort', problem);
      }
    }
    const max = patch.maxCaptures;
    if (
      max !== undefined &&
      (typeof max !== 'number' || !Number.isInteger(max) || max < RETENTION_RANGE.min || max > RETENTION_RANGE.max)
    )
      invalid(
        'maxCaptures',
        `Keep from ${RETENTION_RANGE.min} to ${RETENTION_RANGE.max.toLocaleString('en')} captures.`,
      );
    if (port !== undefined) await deps.settings.update('capture', { port });
    if (max !== undefined) await deps.settings.update('capture', { maxCaptures: max });
    if (ui) await deps.settings.update('ui', ui);
    return view();
  }
  return {
    handlers: {
      async getAppSettings() {
        return view();
      },
      async updateAppSettings(patch) {
        const next = await update(patch);
        deps.events.emit('app-settings:changed', next);
        return next;
      },
    },
    close: async () => undefined,
  };
}
