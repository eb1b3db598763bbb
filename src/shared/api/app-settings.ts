/*
 * The app settings section: what the settings dialog edits (capture port, retention, `ui`).
 * Tunnel and replay settings have their own methods in their sections.
 */
import type { UiSettings } from '../settings';

export interface AppSettings {
  /** Preferred capture port; takes effect at the next start. */
  capturePort: number;
  /** Retention cap (captures kept; pinned ones always are); takes effect at the next start. */
  maxCaptures: number;
  ui: UiSettings;
}

export interface AppSettingsView extends AppSettings {
  /** Port the capture listener is on now (may differ from the preferred one). */
  currentCapturePort: number;
  dataDir: string;
}

export interface AppSettingsPatch {
  capturePort?: number;
  maxCaptures?: number;
  ui?: Partial<UiSettings>;
}

export interface AppSettingsMethods {
  getAppSettings(): Promise<AppSettingsView>;
  /** Validates and saves; a bad field rejects with `invalid_argument` and the field in `HooklensError.field`. */
  updateAppSettings(patch: AppSettingsPatch): Promise<AppSettingsView>;
}

export const appSettingsMethodNames = {
  getAppSettings: true,
  updateAppSettings: true,
} as const satisfies Record<keyof AppSettingsMethods, true>;

export interface AppSettingsEvents {
  'app-settings:changed': AppSettingsView;
}
