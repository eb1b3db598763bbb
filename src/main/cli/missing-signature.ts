/*
 * What `hooklens verify` says when no provider claims the request. Instead of every known header,
 * it names the providers the request points at, from evidence on it: a header only that sender
 * sends (X-GitHub-Event), a provider's signature header that was given but not enough to claim it
 * (Lemon Squeezy's generic X-Signature), a header in a provider's own family (X-Shopify-Topic), or
 * the provider's name in User-Agent.
 */
import type { HeaderPair } from '../../shared/capture';
import { GENERIC_PROVIDER_ID, PROVIDERS, type Provider } from '../core/signatures';

/** The family word of a header name: "shopify" for X-Shopify-Topic, "stripe" for Stripe-Signature. */
function family(name: string): string {
  return name.toLowerCase().replace(/^x-/, '').split('-')[0] ?? '';
}

// Family words that many senders share, so they point at nobody in particular.
const SHARED_FAMILIES = new Set(['signature', 'request', 'event', 'hub', 'webhook', 'content', 'user']);

export function likelyProviders(headers: readonly HeaderPair[]): Provider[] {
  const names = headers.map(([n]) => n.toLowerCase());
  const userAgent = headers.find(([n]) => n.toLowerCase() === 'user-agent')?.[1].toLowerCase() ?? '';
  const families = new Set(names.map(family).filter((f) => f.length > 2 && !SHARED_FAMILIES.has(f)));
  return PROVIDERS.filter((p) => {
    const own = (p.evidence?.senderHeaders ?? []).some((h) => names.includes(h.toLowerCase()));
    const signatureGiven = p.signatureHeaders.some((h) => names.includes(h.toLowerCase()));
    const sameFamily = p.signatureHeaders.some((h) => families.has(family(h)));
    const named =
      userAgent !== '' && (userAgent.includes(p.id) || userAgent.includes(p.name.toLowerCase().replace(/\s+/g, '')));
    return own || signatureGiven || sameFamily || named;
  });
}

export function missingSignatureMessage(headers: readonly HeaderPair[]): string {
  const given = headers.length
    ? `among the ${headers.length} header${headers.length === 1 ? '' : 's'} given (${[...new Set(headers.map(([n]) => n))].join(', ')})`
    : '(no --header given)';
  const likely = likelyProviders(headers);
  const lines = [`no signature header found ${given}.`];
  if (likely.length) {
    for (const p of likely.slice(0, 3)) {
      lines.push(
        `This may be ${p.name} (--provider ${p.id}), which signs in ${p.signatureHeaders.join(' / ')}: pass that header too.`,
      );
    }
  } else {
    const known = [...new Set(PROVIDERS.map((p) => p.signatureHeaders[0]!))];
    lines.push(
      `Known signature headers include ${known.slice(0, 8).join(', ')}, … (${known.length} in all: see \`hooklens providers\`).`,
    );
  }
  lines.push(
    `Or name the scheme: --provider ID, or for a home-made one --provider ${GENERIC_PROVIDER_ID} --signature-header NAME (see \`hooklens verify --help\`).`,
  );
  return lines.join('\n');
}
