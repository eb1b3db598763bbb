/*
 * Delivery profiles by signature-provider id. A provider without its own profile gets the generic
 * one: the common conventions (a JSON body with `id` and `type`, 10 s to answer) and its
 * signature scheme's own tolerance, clearly marked as not the provider's documented facts.
 */
import type { ProviderProfile } from './profile';
import { githubProfile } from './providers/github.profile';
import { hubspotProfile } from './providers/hubspot.profile';
import { linearProfile } from './providers/linear.profile';
import { paddleProfile } from './providers/paddle.profile';
import { shopifyProfile } from './providers/shopify.profile';
import { slackProfile } from './providers/slack.profile';
import { squareProfile } from './providers/square.profile';
import { standardWebhooksProfile } from './providers/standard-webhooks.profile';
import { stripeProfile } from './providers/stripe.profile';
import { twilioProfile } from './providers/twilio.profile';
import { twitchProfile } from './providers/twitch.profile';
import { zoomProfile } from './providers/zoom.profile';
import type { Provider } from './types';

export const PROFILES: ProviderProfile[] = [
  stripeProfile,
  githubProfile,
  shopifyProfile,
  slackProfile,
  standardWebhooksProfile,
  twilioProfile,
  squareProfile,
  paddleProfile,
  linearProfile,
  zoomProfile,
  twitchProfile,
  hubspotProfile,
];

/** The documented profile of a provider, when it has one. */
export function findProfile(providerId: string): ProviderProfile | undefined {
  return PROFILES.find((p) => p.providerId === providerId);
}

/** The provider's profile, or the generic one built from its signature scheme. */
export function profileFor(provider: Provider): ProviderProfile {
  return findProfile(provider.id) ?? genericProfile(provider);
}

export function genericProfile(provider: Provider): ProviderProfile {
  return {
    providerId: provider.id,
    name: provider.name,
    docs: '',
    // GitHub's 10 s is the most common published budget; the generic profile claims no more than that.
    timeoutMs: 10_000,
    timeoutDocumented: false,
    retrySchedule: 'not profiled: check the provider’s documentation',
    eventId: { in: 'json', path: ['id'] },
    eventType: { in: 'json', path: ['type'] },
    ...(provider.toleranceSec !== undefined ? { toleranceSec: provider.toleranceSec } : {}),
    bodyFormat: 'json',
    contentType: 'application/json',
    deliveryHeaders: [],
    sample: (now) => ({
      type: 'sample.event',
      body: { id: 'evt_hooklens_sample', type: 'sample.event', created: now, data: { id: 'obj_hooklens_sample' } },
    }),
  };
}
