/*
 * Settings live in their own small lowdb file (settings.json) beside the captures, so a corrupt
 * captures file never takes the user's settings with it and vice versa. Unknown or mistyped values
 * from disk fall back to defaults field by field: the file is user-editable and untrusted.
 */
import path from 'node:path';
import { openJsonDocument } from '../json-document';
import type { NoticeBoard } from '../notice-board';
import { DEFAULT_SETTINGS, type Settings, type SettingsSection } from '../../../shared/settings';

export interface SettingsStore {
  get(): Settings;
  /** A read-only view of one section (frozen: copy it to change it, then `update`). */
  section<S extends SettingsSection>(name: S): Settings[S];
  update<S extends SettingsSection>(name: S, patch: Partial<Settings[S]>): Promise<Settings[S]>;
  /** Set when the file on disk could not be read and was moved aside. */
  readonly setAsidePath: string | null;
}

const SETTINGS_FILE = 'settings.json';

function mergeSection<T extends object>(defaults: T, raw: unknown): T {
  const out = { ...defaults };
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return out;
  for (const key of Object.keys(defaults) as (keyof T)[]) {
    const value = (raw as Record<string, unknown>)[key as string];
    if (value !== undefined && typeof value === typeof defaults[key]) out[key] = value as T[keyof T];
  }
  return out;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

export function normalizeSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return {
    capture: mergeSection(DEFAULT_SETTINGS.capture, r.capture),
    tunnel: mergeSection(DEFAULT_SETTINGS.tunnel, r.tunnel),
    replay: mergeSection(DEFAULT_SETTINGS.replay, r.replay),
    ui: mergeSection(DEFAULT_SETTINGS.ui, r.ui),
    health: mergeSection(DEFAULT_SETTINGS.health, r.health),
  };
}

export async function openSettingsStore(dataDir: string, notices?: NoticeBoard): Promise<SettingsStore> {
  const report = notices && { notices, consequence: 'defaults are in use' };
  const doc = await openJsonDocument<Settings>(path.join(dataDir, SETTINGS_FILE), DEFAULT_SETTINGS, report);
  const { db, setAsidePath } = doc;
  db.data = normalizeSettings(db.data);

  // Sections are read on the capture path (alerts, auto-forward): one frozen copy per section until
  // it changes, instead of a clone per read.
  const frozen = new Map<SettingsSection, unknown>();
  return {
    setAsidePath,
    get: () => structuredClone(db.data),
    section<S extends SettingsSection>(name: S): Settings[S] {
      let value = frozen.get(name) as Settings[S] | undefined;
      if (value === undefined) {
        value = deepFreeze(structuredClone(db.data[name]));
        frozen.set(name, value);
      }
      return value;
    },
    update(name, patch) {
      const next = mergeSection(db.data[name], { ...db.data[name], ...patch });
      db.data = { ...db.data, [name]: next };
      frozen.delete(name);
      return doc.write().then(() => structuredClone(next));
    },
  };
}
