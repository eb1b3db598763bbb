/*
 * Filters over the list from each capture's health. Shared: the core applies them when it cuts a
 * window of the list, the renderer when it judges a new capture from its summary.
 */
import type { CaptureSummary } from './capture';
import type { SignatureVerdict } from './health';

export interface HealthFilters {
  verdict: SignatureVerdict | '';
  eventType: string;
  duplicatesOnly: boolean;
}

export const EMPTY_HEALTH_FILTERS: HealthFilters = { verdict: '', eventType: '', duplicatesOnly: false };

/** The summary passes the health filters (a partial filter checks only what it sets). */
export function passesHealthFilters(c: CaptureSummary, f: Partial<HealthFilters>): boolean {
  if (f.verdict && c.health?.verdict !== f.verdict) return false;
  if (f.eventType && c.health?.eventType !== f.eventType) return false;
  if (f.duplicatesOnly && !c.health?.duplicateOf) return false;
  return true;
}

export function isHealthFilterActive(f: Partial<HealthFilters>): boolean {
  return Boolean(f.verdict) || Boolean(f.eventType) || f.duplicatesOnly === true;
}
