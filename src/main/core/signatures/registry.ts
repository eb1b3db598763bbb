/*
 * Every signature provider. When several claim a request (GitHub, Bitbucket and Intercom all write
 * X-Hub-Signature), `detectProviders` orders them by evidence, strongest first:
 *   1. a header only that sender sends (X-GitHub-Event, X-Event-Key…);
 *   2. the signature header's value in the provider's exact form (Bitbucket's sha256= in
 *      X-Hub-Signature, where GitHub writes sha1=);
 *   3. how many of the provider's signature headers are present (GitHub sends two, Intercom one);
 *   4. the body's shape (Intercom's "notification_event");
 *   5. the order of this list, where the more specific scheme comes first.
 * Adding a provider: one import and one array entry.
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
import { asana } from './providers/asana';
import { calCom } from './providers/cal-com';
import { calendly } from './providers/calendly';
import { docusign } from './providers/docusign';
import { dropbox } from './providers/dropbox';
import { notion } from './providers/notion';
import { persona } from './providers/persona';
import { woocommerce } from './providers/woocommerce';
import { xero } from './providers/xero';
import { box } from './providers/box';
import { customerio } from './providers/customerio';
import { frameio } from './providers/frameio';
import { webflow } from './providers/webflow';
import { zendesk } from './providers/zendesk';
import { netlify } from './providers/netlify';
import { qstash } from './providers/qstash';
import { atlassianConnect } from './providers/atlassian-connect';
import { hygraph } from './providers/hygraph';
import { mailgun } from './providers/mailgun';
import { pagerduty } from './providers/pagerduty';
import { adyen } from './providers/adyen';
import { braintree } from './providers/braintree';
import { airtable } from './providers/airtable';
import { recurly } from './providers/recurly';
import { plaid } from './providers/plaid';
import { chargebee } from './providers/chargebee';
import { figma } from './providers/figma';
import { okta } from './providers/okta';
import { pipedrive } from './providers/pipedrive';
import { postmark } from './providers/postmark';
import { segment } from './providers/segment';
import { hasHeader } from './crypto-helpers';
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
  dropbox,
  asana,
  woocommerce,
  xero,
  calCom,
  notion,
  docusign,
  calendly,
  persona,
  frameio,
  customerio,
  zendesk,
  webflow,
  box,
  qstash,
  netlify,
  atlassianConnect,
  hygraph,
  pagerduty,
  mailgun,
  braintree,
  adyen,
  airtable,
  recurly,
  plaid,
  segment,
  // Credentials rather than signatures: matched only with the sender's own evidence beside them.
  postmark,
  chargebee,
  pipedrive,
  okta,
  figma,
  standardWebhooks,
];

/** Names people type for services that sign with another provider's scheme. */
export const ALIASES: Readonly<Record<string, string>> = {
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

function safely(test: () => boolean): boolean {
  try {
    return test();
  } catch {
    return false;
  }
}

/** The evidence for `p` in ranking order (see the top of this file); higher wins. */
function evidenceRank(p: Provider, req: SignedRequest): number[] {
  const e = p.evidence ?? {};
  const has = (name: string): boolean => hasHeader(req, name);
  return [
    (e.senderHeaders ?? []).some(has) ? 1 : 0,
    e.signatureForm && safely(() => e.signatureForm!(req)) ? 1 : 0,
    p.signatureHeaders.filter(has).length,
    e.bodyShape && safely(() => e.bodyShape!(req.body)) ? 1 : 0,
  ];
}

/** Providers whose signature headers are on the request, best evidence first. */
export function detectProviders(req: SignedRequest): Provider[] {
  const ranked = PROVIDERS.filter((p) => safely(() => p.detect(req))).map((p, order) => ({
    p,
    order,
    rank: evidenceRank(p, req),
  }));
  ranked.sort((a, b) => {
    for (let i = 0; i < a.rank.length; i++) if (a.rank[i] !== b.rank[i]) return b.rank[i]! - a.rank[i]!;
    return a.order - b.order;
  });
  return ranked.map((r) => r.p);
}
