/*
 * Evidence for a signature mismatch from the captures around it. The same secret validating other
 * deliveries of the endpoint means the secret is right and this body (or a signed header) changed;
 * validating none means the secret is wrong, perhaps another endpoint's, which is checked too
 * against the secrets stored for other endpoints.
 */
import type { SiblingEvidence } from '../../../shared/api/signatures';
import type { CaptureRecord } from '../../../shared/capture';
import type { CaptureStore } from '../store/types';
import type { SecretStore } from './secret-store';
import type { Provider, VerifyResult } from './types';

/** Siblings verified at most; each is a full check, so the cost stays that of a few dozen. */
export const MAX_SIBLINGS = 50;
// Captures of the endpoint read to find those siblings, newest first.
const MAX_SCANNED = 200;
// A failing sibling's check re-encodes its body to explain itself; large bodies stop the scan early.
const MAX_SIBLING_BYTES = 4 * 1024 * 1024;

export interface SiblingQuery {
  store: CaptureStore;
  secrets: SecretStore;
  record: CaptureRecord;
  provider: Provider;
  secret: string;
  /** The check the handler runs on a capture, with the URL and time rules it uses. */
  verify(record: CaptureRecord, secret: string): VerifyResult;
}

function signatureMatches(r: VerifyResult): boolean {
  return r.valid || r.failure === 'timestamp_out_of_tolerance';
}

export async function siblingEvidence(q: SiblingQuery): Promise<SiblingEvidence> {
  let checked = 0;
  let validated = 0;
  const candidates = q.store
    .list()
    .filter((s) => s.endpointId === q.record.endpointId && s.id !== q.record.id)
    .slice(0, MAX_SCANNED);
  let bytes = 0;
  for (const summary of candidates) {
    if (checked >= MAX_SIBLINGS || bytes >= MAX_SIBLING_BYTES) break;
    const sibling = await q.store.get(summary.id);
    if (!sibling) continue;
    const req = { method: sibling.method, headers: sibling.headers, body: Buffer.alloc(0) };
    let detected: boolean;
    try {
      detected = q.provider.detect(req);
    } catch {
      detected = false;
    }
    if (!detected) continue;
    checked++;
    bytes += summary.size;
    if (signatureMatches(q.verify(sibling, q.secret))) validated++;
  }
  const out: SiblingEvidence = { checked, validated };
  if (validated > 0) return out;
  for (const entry of q.secrets.status()) {
    if (entry.providerId !== q.provider.id || entry.endpointId === q.record.endpointId) continue;
    const other = q.secrets.get(entry.endpointId, entry.providerId);
    if (other !== undefined && other !== q.secret && signatureMatches(q.verify(q.record, other))) {
      return { ...out, otherEndpointId: entry.endpointId };
    }
  }
  return out;
}

/** The hint the evidence supports, or undefined when there is none to draw on. */
export function siblingHint(e: SiblingEvidence): string | undefined {
  if (e.otherEndpointId !== undefined) {
    return `the secret stored for endpoint "${e.otherEndpointId}" validates this capture: the sender signs with that endpoint's secret, so it is probably configured with the wrong endpoint's secret or URL`;
  }
  if (e.validated > 0) {
    const n = e.validated === 1 ? '1 other capture' : `${e.validated} other captures`;
    return `this secret validated ${n} of this endpoint (of ${e.checked} checked), so it is right: the body of this one (or a signed header) was probably changed after signing`;
  }
  if (e.checked > 0) {
    return `no capture of this endpoint validates with this secret (${e.checked} checked): probably the wrong secret (or another endpoint's)`;
  }
  return undefined;
}
