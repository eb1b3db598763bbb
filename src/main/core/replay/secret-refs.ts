/*
 * Secrets on the wire, references at rest. Some schemes send the secret itself (GitLab's
 * X-Gitlab-Token); a re-signed replay of such a request would otherwise write the secret to the
 * replay history and into every export. Stored requests carry `{{hooklens-secret:<endpoint>:<provider>}}`
 * in its place, which is filled in from the secret store when the request is sent again, and in an
 * export only when the user asks for secrets.
 */
import type { HeaderPair } from '../../../shared/capture';
import { HooklensError } from '../../../shared/errors';

export interface KnownSecret {
  value: string;
  ref: string;
}

export type SecretLookup = (endpointId: string, providerId: string) => Promise<string | undefined>;

/**
 * Which references may be filled: a reference is text anyone can put in a request (a webhook
 * sender, an imported file), so only the one naming the replayed capture's own endpoint and
 * provider, in that provider's own header, is ever replaced by a secret. Any other stays as text.
 */
export type SecretRefScope = (endpointId: string, providerId: string, headerName: string) => boolean;

export function refScope(
  endpointId: string,
  provider: { id: string; signatureHeaders: readonly string[] },
): SecretRefScope {
  const names = new Set(provider.signatureHeaders.map((n) => n.toLowerCase()));
  return (e, p, header) => e === endpointId && p === provider.id && names.has(header.toLowerCase());
}

export const NO_REFS: SecretRefScope = () => false;

const REF_RE = /\{\{hooklens-secret:([^{}\s]+):([^:{}\s]+)\}\}/g;
/** Shorter values would be masked inside unrelated text. */
const MIN_MASKED_LENGTH = 6;

export function secretRef(endpointId: string, providerId: string): string {
  return `{{hooklens-secret:${endpointId}:${providerId}}}`;
}

/** Replaces each reference in scope with the secret it names; one to a secret no longer stored is refused. */
export async function fillSecretRefs(
  headers: readonly HeaderPair[],
  lookup: SecretLookup,
  scope: SecretRefScope,
): Promise<{ headers: HeaderPair[]; used: KnownSecret[] }> {
  const used: KnownSecret[] = [];
  const out: HeaderPair[] = [];
  for (const [name, value] of headers) {
    let filled = value;
    for (const m of value.matchAll(REF_RE)) {
      if (!scope(m[1], m[2], name)) continue;
      const secret = await lookup(m[1], m[2]);
      if (!secret)
        throw new HooklensError(
          'invalid_argument',
          `${name} refers to the ${m[2]} secret of endpoint ${m[1]}, which is no longer stored; set it again in the Signature tab.`,
        );
      filled = filled.split(m[0]).join(secret);
      used.push({ value: secret, ref: m[0] });
    }
    out.push([name, filled]);
  }
  return { headers: out, used };
}

/** Header values with each known secret replaced by its reference. */
export function maskSecrets(headers: readonly HeaderPair[], secrets: readonly KnownSecret[]): HeaderPair[] {
  const usable = secrets.filter((s) => s.value.length >= MIN_MASKED_LENGTH);
  if (usable.length === 0) return headers.map(([n, v]) => [n, v]);
  return headers.map(([name, value]) => [name, usable.reduce((v, s) => v.split(s.value).join(s.ref), value)]);
}
