/*
 * Turning a delivery into the request a probe sends (signed with the provider's own `sign`, with a
 * chosen secret and timestamp), and sending it with the check's bounds. What came back is kept in
 * the shapes of the report: status, headers, a body excerpt and the time it took, or a connection
 * outcome in plain words. A request that cannot be sent at all is also an outcome, never a throw.
 */
import { isUtf8 } from 'node:buffer';
import { randomBytes } from 'node:crypto';
import type { HeaderPair } from '../../../shared/capture';
import type { ProbeAttempt, ProbeResponse } from '../../../shared/check/types';
import type { ReplayOutcome, ReplayRequest } from '../../../shared/replay/types';
import { sendRequest } from '../replay/send-request';
import type { Provider } from '../signatures/types';
import { headerValue, withoutHeaders, type Delivery } from './delivery';

const EXCERPT_CHARS = 500;
/** Reports, events and --json carry every request; a 25 MB body would swamp them all. */
const REPORTED_BODY_CHARS = 64 * 1024;

export interface SignSpec {
  secret: string;
  /** Unix seconds. */
  timestamp: number;
}

/** The delivery as a request to `target`, carrying the provider's signature over its exact bytes. */
export function signedRequest(
  d: Delivery,
  provider: Provider,
  target: string,
  spec: SignSpec,
  idHeader?: string,
): ReplayRequest {
  if (!provider.sign) throw new Error(`${provider.name} signatures cannot be created`);
  const rows = provider.sign({
    secret: spec.secret,
    body: d.body,
    timestamp: spec.timestamp,
    url: target,
    method: d.method,
    headers: d.headers,
    // Schemes that sign a message id (Standard Webhooks, Twitch) must sign the probe's own id.
    id: idHeader ? headerValue(d.headers, idHeader) : undefined,
  });
  const written = [...provider.signatureHeaders, ...rows.map(([n]) => n)];
  return asRequest({ ...d, headers: [...withoutHeaders(d.headers, written), ...rows] }, target);
}

export function asRequest(d: Delivery, target: string): ReplayRequest {
  return {
    method: d.method,
    url: target,
    headers: d.headers,
    body: isUtf8(d.body)
      ? { encoding: 'utf8', text: d.body.toString('utf8') }
      : { encoding: 'base64', text: d.body.toString('base64') },
  };
}

export function withHeaders(request: ReplayRequest, rows: HeaderPair[]): ReplayRequest {
  return {
    ...request,
    headers: [
      ...withoutHeaders(
        request.headers,
        rows.map(([n]) => n),
      ),
      ...rows,
    ],
  };
}

export function bodyBytes(request: ReplayRequest): Buffer {
  return Buffer.from(request.body.text, request.body.encoding === 'base64' ? 'base64' : 'utf8');
}

/** A secret of the same shape as `secret` that is certainly not it (Standard Webhooks keys stay whsec_<base64>). */
export function otherSecret(provider: Provider, secret: string): string {
  if (provider.id === 'standard-webhooks') return `whsec_${randomBytes(24).toString('base64')}`;
  const prefix = /^[a-z]+_/i.exec(secret)?.[0] ?? '';
  // Twitch accepts 10–100 characters; hex of the same length keeps every scheme's length rules.
  const length = Math.min(100, Math.max(16, secret.length - prefix.length));
  let other = randomBytes(Math.ceil(length / 2))
    .toString('hex')
    .slice(0, length);
  if (`${prefix}${other}` === secret) other = other.replace(/./, (c) => (c === 'a' ? 'b' : 'a'));
  return `${prefix}${other}`;
}

function probeResponse(outcome: ReplayOutcome, ms: number): ProbeResponse {
  if (outcome.kind === 'error')
    return { kind: 'error', error: outcome.error.message, timedOut: outcome.error.kind === 'timeout', ms };
  const { response } = outcome;
  const text = response.body.encoding === 'utf8' ? response.body.text : `<${response.body.size} bytes of binary>`;
  return {
    kind: 'response',
    status: response.status,
    headers: response.headers,
    bodyExcerpt: text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}…` : text,
    bodySize: response.body.size,
    ms,
  };
}

function reported(sent: ReplayRequest): Pick<ProbeAttempt, 'request' | 'requestBodyBytes'> {
  if (sent.body.text.length <= REPORTED_BODY_CHARS) return { request: sent };
  return {
    request: { ...sent, body: { ...sent.body, text: sent.body.text.slice(0, REPORTED_BODY_CHARS) } },
    requestBodyBytes: bodyBytes(sent).length,
  };
}

export interface SentAttempt {
  attempt: ProbeAttempt;
  /** The full outcome, for the replay history. */
  outcome: ReplayOutcome;
  sent: ReplayRequest;
}

/** Sends one probe request; connection problems and refused input come back as outcomes. */
export async function sendProbe(label: string, request: ReplayRequest, timeoutMs: number): Promise<SentAttempt> {
  try {
    // Only a little of each answer is shown, so only a little is kept.
    const result = await sendRequest(request, { timeoutMs, maxStoredBodyBytes: 64 * 1024 });
    const ms = Math.round(result.ms);
    return {
      attempt: { label, ...reported(result.sent), response: probeResponse(result.outcome, ms) },
      outcome: result.outcome,
      sent: result.sent,
    };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const outcome: ReplayOutcome = { kind: 'error', error: { kind: 'other', message } };
    return {
      attempt: { label, request, response: { kind: 'error', error: message, timedOut: false, ms: 0 } },
      outcome,
      sent: request,
    };
  }
}
