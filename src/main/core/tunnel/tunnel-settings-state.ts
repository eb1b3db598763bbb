/*
 * The tunnel settings in force: the saved ones with command-line overrides on top. An override
 * holds until the user changes that same setting in the app, which then wins and is saved.
 */
import { HooklensError } from '../../../shared/errors';
import type { TunnelSettingsView } from '../../../shared/api/tunnel';
import type { TunnelSettings } from '../../../shared/settings';
import type { SettingsStore } from '../settings/settings-store';
import { applyOverrides, overriddenKeys } from './tunnel-settings';

export interface TunnelSettingsState {
  effective(): TunnelSettings;
  view(): TunnelSettingsView;
  /** Saves a validated patch; the keys it sets stop being overridden. */
  save(patch: Partial<TunnelSettings>): Promise<void>;
}

export function createTunnelSettingsState(
  settings: SettingsStore,
  initial: Partial<TunnelSettings> = {},
): TunnelSettingsState {
  let overrides: Partial<TunnelSettings> = {};
  for (const key of overriddenKeys(initial)) overrides = { ...overrides, [key]: initial[key] };
  const effective = (): TunnelSettings => applyOverrides(settings.section('tunnel'), overrides);

  return {
    effective,
    view: () => ({ settings: effective(), overridden: overriddenKeys(overrides) }),
    async save(patch) {
      const next = { ...overrides };
      for (const key of Object.keys(patch) as (keyof TunnelSettings)[]) delete next[key];
      overrides = next;
      try {
        await settings.update('tunnel', patch);
      } catch (err) {
        throw new HooklensError(
          'store_failed',
          `The tunnel setting is in use but could not be saved: ${err instanceof Error ? err.message : String(err)}`,
        );
      }
    },
  };
}
