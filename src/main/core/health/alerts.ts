/*
 * When to tell the user something is going wrong, decided from what just happened:
 * - signatures start failing on an endpoint: an invalid verdict right after a valid one (a rotated
 *   secret, a proxy that re-encodes bodies), or more than N invalid within one minute (a forger,
 *   or a sender whose every delivery fails);
 * - auto-forward gives up on K captures in a row (the local handler is down).
 * Each alert fires once per episode: a burst alerts once per endpoint and minute, a forward
 * streak once until a forward succeeds again.
 */
import type { HealthAlert, HealthAlertKind } from '../../../shared/api/health';
import type { SignatureVerdict } from '../../../shared/health';
import type { HealthSettings } from '../../../shared/settings';

const MINUTE_MS = 60_000;
const RECENT_LIMIT = 20;

interface EndpointState {
  lastChecked?: 'valid' | 'invalid';
  minute: number;
  invalidInMinute: number;
  burstAlerted: boolean;
}

export class HealthAlerts {
  private readonly endpoints = new Map<string, EndpointState>();
  private forwardFailStreak = 0;
  private forwardAlerted = false;
  private seq = 0;
  private readonly recentAlerts: HealthAlert[] = [];

  constructor(
    private readonly settings: () => HealthSettings,
    private readonly raise: (alert: HealthAlert) => void,
  ) {}

  recent(endpointId: string | null): HealthAlert[] {
    return this.recentAlerts.filter((a) => endpointId === null || a.endpointId === endpointId);
  }

  private fire(kind: HealthAlertKind, at: number, captureId: string, endpointId: string, message: string): void {
    if (!this.settings().alertsEnabled) return;
    this.seq += 1;
    const alert: HealthAlert = {
      id: `${at.toString(36)}-${this.seq}`,
      kind,
      at: new Date(at).toISOString(),
      message,
      captureId,
      endpointId,
    };
    this.recentAlerts.unshift(alert);
    if (this.recentAlerts.length > RECENT_LIMIT) this.recentAlerts.length = RECENT_LIMIT;
    this.raise(alert);
  }

  /** A capture arrived with this verdict (recomputed verdicts are not news and do not come here). */
  verdict(captureId: string, endpointId: string, at: number, verdict: SignatureVerdict, reason?: string): void {
    if (verdict !== 'valid' && verdict !== 'invalid') return;
    const minute = Math.floor(at / MINUTE_MS);
    let s = this.endpoints.get(endpointId);
    if (!s) {
      s = { minute, invalidInMinute: 0, burstAlerted: false };
      this.endpoints.set(endpointId, s);
    }
    if (s.minute !== minute) {
      s.minute = minute;
      s.invalidInMinute = 0;
      s.burstAlerted = false;
    }
    const previous = s.lastChecked;
    s.lastChecked = verdict;
    if (verdict === 'valid') return;
    s.invalidInMinute += 1;
    const why = reason ? `: ${reason}` : '';
    if (previous === 'valid') {
      this.fire(
        'signature-failures-started',
        at,
        captureId,
        endpointId,
        `Signatures started failing on ${endpointId}${why}`,
      );
      return;
    }
    const limit = Math.max(1, Math.floor(this.settings().invalidPerMinute));
    if (s.invalidInMinute > limit && !s.burstAlerted) {
      s.burstAlerted = true;
      this.fire(
        'signature-failure-burst',
        at,
        captureId,
        endpointId,
        `${s.invalidInMinute} invalid signatures on ${endpointId} within a minute${why}`,
      );
    }
  }

  /** A forward reached its final state for one capture (retries in between do not count). */
  forwardSettled(captureId: string, endpointId: string, at: number, delivered: boolean, error: string | null): void {
    if (delivered) {
      this.forwardFailStreak = 0;
      this.forwardAlerted = false;
      return;
    }
    this.forwardFailStreak += 1;
    const limit = Math.max(1, Math.floor(this.settings().forwardFailuresInRow));
    if (this.forwardFailStreak >= limit && !this.forwardAlerted) {
      this.forwardAlerted = true;
      this.fire(
        'forward-failing',
        at,
        captureId,
        endpointId,
        `Auto-forward failed for ${this.forwardFailStreak} captures in a row${error ? `: ${error}` : ''}`,
      );
    }
  }
}
