/*
 * Noise preferences are a UI preference, so they live in localStorage rather than the settings
 * file. Whatever is stored is validated field by field: a hand-edited or old value never breaks
 * the view, it falls back to the defaults.
 */
import { useCallback, useState } from 'react';
import { DEFAULT_NOISE_PREFS, NOISE_PRESET_IDS, type NoisePrefs } from '../../../../shared/diff';

const STORAGE_KEY = 'hooklens.compare.noise';

function isStringList(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((s) => typeof s === 'string');
}

export function loadNoisePrefs(): NoisePrefs {
  let raw: unknown;
  try {
    raw = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
  } catch {
    return DEFAULT_NOISE_PREFS;
  }
  if (!raw || typeof raw !== 'object') return DEFAULT_NOISE_PREFS;
  const v = raw as Partial<Record<keyof NoisePrefs, unknown>>;
  const presets = { ...DEFAULT_NOISE_PREFS.presets };
  if (v.presets && typeof v.presets === 'object') {
    for (const id of NOISE_PRESET_IDS) {
      const on = (v.presets as Record<string, unknown>)[id];
      if (typeof on === 'boolean') presets[id] = on;
    }
  }
  return {
    presets,
    jsonPaths: isStringList(v.jsonPaths) ? v.jsonPaths : [],
    headers: isStringList(v.headers) ? v.headers : [],
  };
}

function saveNoisePrefs(prefs: NoisePrefs): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(prefs));
  } catch {
    // Storage full or disabled: the choice still applies for this session.
  }
}

export function useNoisePrefs(): [NoisePrefs, (update: (prev: NoisePrefs) => NoisePrefs) => void] {
  const [prefs, setPrefs] = useState<NoisePrefs>(loadNoisePrefs);
  const update = useCallback((fn: (prev: NoisePrefs) => NoisePrefs) => {
    setPrefs((prev) => {
      const next = fn(prev);
      saveNoisePrefs(next);
      return next;
    });
  }, []);
  return [prefs, update];
}
