/*
 * Every signature provider, in detection order: a request whose headers several providers claim
 * (a service built on Standard Webhooks and the generic Standard Webhooks provider) lists the more
 * specific one first. Adding a provider: one import and one array entry.
 */
import { coinbase } from './providers/coinbase';
import { contentful } from './providers/contentful';
import { github } from './providers/github';
import { gitlab } from './providers/gitlab';
import { lemonsqueezy } from './providers/lemonsqueezy';
import { line } from './providers/line';
import { mux } from './providers/mux';
import { razorpay } from './providers/razorpay';
import { sanity } from './providers/sanity';
import { sentry } from './providers/sentry';
import { shopify } from './providers/shopify';
import { slack } from './providers/slack';
import { square } from './providers/square';
import { standardWebhooks } from './providers/standard-webhooks';
import { stripe } from './providers/stripe';
import { telnyx } from './providers/telnyx';
import { twilio } from './providers/twilio';
import { vercel } from './providers/vercel';
import { workos } from './providers/workos';
import { bitbucket } from './providers/bitbucket';
import { discord } from './providers/discord';
import { hubspot } from './providers/hubspot';
import { intercom } from './providers/intercom';
import { linear } from './providers/linear';
import { paddle } from './providers/paddle';
import { sendgrid } from './providers/sendgrid';
import { trello } from './providers/trello';
import { twitch } from './providers/twitch';
import { typeform } from './providers/typeform';
import { zoom } from './providers/zoom';
import type { Provider, SignedRequest } from './types';

export const PROVIDERS: Provider[] = [
  stripe,
  // Bitbucket and Intercom reuse GitHub's X-Hub-Signature; their narrower detect goes first.
  bitbucket,
  intercom,
  github,
  shopify,
  slack,
  twilio,
  square,
  paddle,
  zoom,
  linear,
  discord,
  sendgrid,
  twitch,
  typeform,
  hubspot,
  trello,
  coinbase,
  razorpay,
  lemonsqueezy,
  sentry,
  vercel,
  contentful,
  sanity,
  mux,
  workos,
  line,
  telnyx,
  gitlab,
  standardWebhooks,
];

/** Names people type for services that sign with another provider's scheme. */
const ALIASES: Record<string, string> = {
  svix: 'standard-webhooks',
  clerk: 'standard-webhooks',
  resend: 'standard-webhooks',
  replicate: 'standard-webhooks',
};

export function getProvider(id: string): Provider | undefined {
  const key = typeof id === 'string' ? id.toLowerCase() : '';
  const target = Object.hasOwn(ALIASES, key) ? ALIASES[key] : key;
  return PROVIDERS.find((p) => p.id === target);
}

/** Providers whose signature headers are on the request, in registry order. */
export function detectProviders(req: SignedRequest): Provider[] {
  return PROVIDERS.filter((p) => {
    try {
      return p.detect(req);
    } catch {
      return false;
    }
  });
}
