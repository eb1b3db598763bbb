/*
 * Twitch EventSub over webhooks: `{ subscription, event }` for notifications, `{ challenge,
 * subscription }` for the verification message and `{ subscription }` with a revoked status for
 * revocations; the message type and the subscription type/version are repeated in headers. User
 * ids are numeric strings; times RFC 3339 with nanoseconds.
 * https://dev.twitch.tv/docs/eventsub/handling-webhook-events/, https://dev.twitch.tv/docs/eventsub/eventsub-reference/
 */
import { randomBytes } from 'node:crypto';
import type { HeaderPair } from '../../../../shared/capture';
import { randomId } from '../random-ids';
import type { CatalogEventSpec, CatalogProviderSpec, EventContext } from '../types';

const BROADCASTER = {
  broadcaster_user_id: '1337',
  broadcaster_user_login: 'cooler_user',
  broadcaster_user_name: 'Cooler_User',
};
const VIEWER = { user_id: '1234', user_login: 'cool_user', user_name: 'Cool_User' };

type MessageType = 'notification' | 'webhook_callback_verification' | 'revocation';

const nano = (iso: string): string => iso.replace(/Z$/, '634234Z');

function subscription(
  ctx: EventContext,
  type: string,
  version: string,
  status: string,
  condition: Record<string, unknown>,
): Record<string, unknown> {
  return {
    id: ctx.objectId,
    status,
    type,
    version,
    cost: status === 'enabled' ? 0 : 1,
    condition,
    transport: { method: 'webhook', callback: ctx.url },
    created_at: nano(ctx.isoAt(-5)),
  };
}

function headersFor(messageType: MessageType, type: string, version: string): () => HeaderPair[] {
  return () => [
    ['Twitch-Eventsub-Message-Retry', '0'],
    ['Twitch-Eventsub-Message-Type', messageType],
    ['Twitch-Eventsub-Subscription-Type', type],
    ['Twitch-Eventsub-Subscription-Version', version],
  ];
}

function notification(
  type: string,
  version: string,
  summary: string,
  condition: Record<string, unknown>,
  event: (ctx: EventContext) => Record<string, unknown>,
): CatalogEventSpec {
  return {
    type,
    summary,
    headers: headersFor('notification', type, version),
    body: (ctx) => ({ subscription: subscription(ctx, type, version, 'enabled', condition), event: event(ctx) }),
  };
}

const BY_BROADCASTER = { broadcaster_user_id: BROADCASTER.broadcaster_user_id };

export const twitchCatalog: CatalogProviderSpec = {
  id: 'twitch',
  name: 'Twitch EventSub',
  signer: 'twitch',
  docs: 'https://dev.twitch.tv/docs/eventsub/eventsub-subscription-types/',
  contentType: 'application/json',
  newSecret: () => randomBytes(20).toString('hex'),
  newEventId: (t) => t.uuid(),
  // The object a message is about is its subscription: verification, notifications and revocation share it.
  newObjectId: (_kind, t) => t.uuid(),
  headers: () => [
    ['Content-Type', 'application/json'],
    ['User-Agent', 'Twitch-Eventsub-Webhooks/1.0'],
  ],
  events: [
    {
      type: 'webhook_callback_verification',
      summary: 'The challenge sent when a subscription is created (answer with it as text)',
      object: { kind: 'subscription', stage: 'created' },
      headers: headersFor('webhook_callback_verification', 'channel.follow', '2'),
      body: (ctx) => ({
        challenge: randomId('', 43, 'lowerAlnum'),
        subscription: subscription(ctx, 'channel.follow', '2', 'webhook_callback_verification_pending', {
          ...BY_BROADCASTER,
          moderator_user_id: BROADCASTER.broadcaster_user_id,
        }),
      }),
    },
    {
      ...notification(
        'channel.follow',
        '2',
        'A user followed the channel',
        { ...BY_BROADCASTER, moderator_user_id: BROADCASTER.broadcaster_user_id },
        (ctx) => ({
          ...VIEWER,
          ...BROADCASTER,
          followed_at: nano(ctx.iso),
        }),
      ),
      object: { kind: 'subscription', stage: 'updated' },
    },
    notification('channel.subscribe', '1', 'A user subscribed to the channel', BY_BROADCASTER, () => ({
      ...VIEWER,
      ...BROADCASTER,
      tier: '1000',
      is_gift: false,
    })),
    notification('channel.cheer', '1', 'A user cheered bits', BY_BROADCASTER, () => ({
      is_anonymous: false,
      ...VIEWER,
      ...BROADCASTER,
      message: 'pogchamp',
      bits: 1000,
    })),
    notification('stream.online', '1', 'The broadcaster went live', BY_BROADCASTER, (ctx) => ({
      id: String(ctx.int(10)),
      ...BROADCASTER,
      type: 'live',
      started_at: ctx.iso.replace(/\.\d{3}Z$/, 'Z'),
    })),
    notification('stream.offline', '1', 'The broadcaster stopped streaming', BY_BROADCASTER, () => ({
      ...BROADCASTER,
    })),
    notification('channel.update', '2', 'Title or category changed', BY_BROADCASTER, () => ({
      ...BROADCASTER,
      title: 'Best Stream Ever',
      language: 'en',
      category_id: '12453',
      category_name: 'Grand Theft Auto',
      content_classification_labels: ['MatureGame'],
    })),
    {
      type: 'revocation',
      summary: 'Twitch revoked a subscription (user removed, authorization revoked…)',
      object: { kind: 'subscription', stage: 'deleted' },
      headers: headersFor('revocation', 'channel.follow', '2'),
      body: (ctx) => ({
        subscription: subscription(ctx, 'channel.follow', '2', 'authorization_revoked', {
          ...BY_BROADCASTER,
          moderator_user_id: BROADCASTER.broadcaster_user_id,
        }),
      }),
    },
  ],
};
