/*
 * Slack Events API: every event arrives wrapped in an `event_callback` envelope (`event_id` Ev…,
 * `event_time` unix seconds, `authorizations`), except the one-off `url_verification` challenge.
 * Ids: teams T…, users U…, channels C…, all upper-case; message timestamps "<sec>.<µs>" strings.
 * https://api.slack.com/apis/events-api, https://api.slack.com/events
 */
import { randomBytes } from 'node:crypto';
import type { CatalogEventSpec, CatalogProviderSpec, EventContext } from '../types';

const TEAM = 'T0HKLENS01';
const APP = 'A0HKLENS01';
const BOT_USER = 'U0HKBOT001';
const USER = 'U061F7AUR';
const CHANNEL = 'C0HKTEST01';

function messageTs(ctx: EventContext): string {
  return `${ctx.nowSec}.${String(ctx.int(6)).padStart(6, '0')}`;
}

function callback(ctx: EventContext, event: Record<string, unknown>): unknown {
  return {
    token: 'XXYYZZ0HooklensVerificationTok',
    team_id: TEAM,
    context_team_id: TEAM,
    context_enterprise_id: null,
    api_app_id: APP,
    event: { ...event, event_ts: (event.event_ts as string | undefined) ?? messageTs(ctx) },
    type: 'event_callback',
    event_id: ctx.eventId,
    event_time: ctx.nowSec,
    authorizations: [
      { enterprise_id: null, team_id: TEAM, user_id: BOT_USER, is_bot: true, is_enterprise_install: false },
    ],
    is_ext_shared_channel: false,
    event_context: `4-${randomBytes(24).toString('base64url')}`,
  };
}

function channel(ctx: EventContext): Record<string, unknown> {
  return {
    id: ctx.objectId,
    name: 'webhook-tests',
    created: ctx.nowSec,
    creator: USER,
    is_channel: true,
    is_private: false,
  };
}

const events: CatalogEventSpec[] = [
  {
    type: 'url_verification',
    summary: 'The challenge Slack sends when the Request URL is saved',
    body: () => ({
      token: 'XXYYZZ0HooklensVerificationTok',
      challenge: randomBytes(32).toString('base64url'),
      type: 'url_verification',
    }),
  },
  {
    type: 'app_mention',
    summary: 'Someone mentioned the app',
    body: (ctx) => {
      const ts = messageTs(ctx);
      return callback(ctx, {
        type: 'app_mention',
        user: USER,
        text: `<@${BOT_USER}> is the webhook up?`,
        ts,
        channel: CHANNEL,
        event_ts: ts,
        client_msg_id: ctx.uuid(),
      });
    },
  },
  {
    type: 'message.channels',
    summary: 'A message was posted in a public channel',
    body: (ctx) => {
      const ts = messageTs(ctx);
      return callback(ctx, {
        type: 'message',
        channel: CHANNEL,
        user: USER,
        text: 'Deploy finished :rocket:',
        ts,
        event_ts: ts,
        channel_type: 'channel',
        client_msg_id: ctx.uuid(),
      });
    },
  },
  {
    type: 'reaction_added',
    summary: 'A reaction was added to a message',
    body: (ctx) =>
      callback(ctx, {
        type: 'reaction_added',
        user: USER,
        reaction: 'white_check_mark',
        item_user: BOT_USER,
        item: { type: 'message', channel: CHANNEL, ts: `${ctx.nowSec - 30}.000200` },
      }),
  },
  {
    type: 'app_home_opened',
    summary: "A user opened the app's Home tab",
    body: (ctx) => callback(ctx, { type: 'app_home_opened', user: USER, channel: 'D0HKDM0001', tab: 'home' }),
  },
  {
    type: 'channel_created',
    summary: 'A channel was created',
    object: { kind: 'channel', stage: 'created' },
    body: (ctx) => callback(ctx, { type: 'channel_created', channel: channel(ctx) }),
  },
  {
    type: 'channel_rename',
    summary: 'A channel was renamed',
    object: { kind: 'channel', stage: 'updated' },
    body: (ctx) =>
      callback(ctx, {
        type: 'channel_rename',
        channel: { id: ctx.objectId, name: 'webhook-tests-renamed', created: ctx.nowSec - 3600 },
      }),
  },
  {
    type: 'channel_deleted',
    summary: 'A channel was deleted',
    object: { kind: 'channel', stage: 'deleted' },
    body: (ctx) => callback(ctx, { type: 'channel_deleted', channel: ctx.objectId }),
  },
];

export const slackCatalog: CatalogProviderSpec = {
  id: 'slack',
  name: 'Slack',
  signer: 'slack',
  docs: 'https://api.slack.com/events',
  contentType: 'application/json',
  newSecret: () => randomBytes(16).toString('hex'),
  newEventId: (t) => t.id('Ev', 9, 'upperAlnum'),
  newObjectId: (_kind, t) => t.id('C0', 9, 'upperAlnum'),
  headers: () => [
    ['Content-Type', 'application/json'],
    ['User-Agent', 'Slackbot 1.0 (+https://api.slack.com/robots)'],
  ],
  events,
};
