/*
 * Tunnel settings come from three untrusted places: the settings file (user-editable), the command
 * line and the UI. All three go through the same checks so a bad value becomes a clear message, never
 * a request to a surprising URL.
 */
import { HooklensError } from '../../../shared/errors';
import type { TunnelSettings } from '../../../shared/settings';
import type { TunnelSettingKey } from '../../../shared/api/tunnel';

// The rule localtunnel servers apply to a requested subdomain (4-63 characters, lowercase letters,
// digits and inner hyphens); checking it here turns a 403 round trip into an immediate message.
const SUBDOMAIN_RE = /^(?:[a-z0-9][a-z0-9-]{4,63}[a-z0-9]|[a-z0-9]{4,63})$/;

export function normalizeTunnelHost(raw: string): string {
  const trimmed = raw.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new HooklensError(
      'invalid_argument',
      `Tunnel server "${trimmed}" is not a URL (e.g. https://localtunnel.me).`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new HooklensError(
      'invalid_argument',
      `Tunnel server must be an http:// or https:// URL, not ${url.protocol}`,
    );
  }
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) {
    throw new HooklensError('invalid_argument', 'Tunnel server must be a bare origin such as https://localtunnel.me');
  }
  return url.origin;
}

/** Empty means "let the server choose". */
export function normalizeSubdomain(raw: string): string {
  const value = raw.trim().toLowerCase();
  if (value === '') return '';
  if (value.length > 63 || !SUBDOMAIN_RE.test(value)) {
    throw new HooklensError(
      'invalid_argument',
      `Subdomain "${value.slice(0, 70)}" is not allowed: use 4 to 63 lowercase letters, digits or inner hyphens.`,
    );
  }
  return value;
}

export function isValidSubdomain(value: string): boolean {
  return value.length <= 63 && SUBDOMAIN_RE.test(value);
}

/** Checks a patch from the API; unknown keys and wrong types are refused rather than ignored. */
export function validateTunnelPatch(patch: unknown): Partial<TunnelSettings> {
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) {
    throw new HooklensError('invalid_argument', 'Tunnel settings must be an object.');
  }
  const out: Partial<TunnelSettings> = {};
  for (const [key, value] of Object.entries(patch)) {
    switch (key as TunnelSettingKey) {
      case 'enabled':
        if (typeof value !== 'boolean') throw new HooklensError('invalid_argument', '"enabled" must be true or false.');
        out.enabled = value;
        break;
      case 'host':
        if (typeof value !== 'string') throw new HooklensError('invalid_argument', '"host" must be a string.');
        out.host = normalizeTunnelHost(value);
        break;
      case 'subdomain':
        if (typeof value !== 'string') throw new HooklensError('invalid_argument', '"subdomain" must be a string.');
        out.subdomain = normalizeSubdomain(value);
        break;
      default:
        throw new HooklensError('invalid_argument', `Unknown tunnel setting "${key.slice(0, 40)}".`);
    }
  }
  return out;
}

export function overriddenKeys(overrides: Partial<TunnelSettings>): TunnelSettingKey[] {
  return (Object.keys(overrides) as TunnelSettingKey[]).filter((k) => overrides[k] !== undefined);
}

export function applyOverrides(saved: TunnelSettings, overrides: Partial<TunnelSettings>): TunnelSettings {
  const out = { ...saved };
  for (const key of overriddenKeys(overrides)) {
    (out as Record<TunnelSettingKey, unknown>)[key] = overrides[key];
  }
  return out;
}
