/*
 * Zoom: `{ event, event_ts (ms), payload: { account_id, operator?, object } }`; meetings have a
 * numeric `id` (shared by created → updated → deleted) and a base64 `uuid` per occurrence.
 * `endpoint.url_validation` is the challenge Zoom sends when the URL is saved and every 72 hours.
 * https://developers.zoom.us/docs/api/webhooks/, https://developers.zoom.us/docs/api/meetings/events/
 */
import { randomBytes } from 'node:crypto';
import { randomBase64, randomId } from '../random-ids';
import type { CatalogEventSpec, CatalogProviderSpec, EventContext, LifecycleStage } from '../types';

const ACCOUNT = 'AAAAAABBBBBBCCCCCCDDDD';
const HOST = 'z8yCxjabcdEFGHfp8uQ';
const OPERATOR = 'admin@example.com';

function meeting(ctx: EventContext, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    uuid: randomBase64(16),
    id: Number(ctx.objectId),
    host_id: HOST,
    topic: 'Webhook review',
    type: 2,
    start_time: ctx.isoAt(3600).replace(/\.\d{3}Z$/, 'Z'),
    duration: 30,
    timezone: 'America/Los_Angeles',
    join_url: `https://us05web.zoom.us/j/${ctx.objectId}?pwd=${randomId('', 32)}`,
    ...extra,
  };
}

function event(
  type: string,
  summary: string,
  stage: LifecycleStage | undefined,
  payload: (ctx: EventContext) => Record<string, unknown>,
): CatalogEventSpec {
  return {
    type,
    summary,
    ...(stage ? { object: { kind: 'meeting', stage } } : {}),
    body: (ctx) => ({ event: type, payload: { account_id: ACCOUNT, ...payload(ctx) }, event_ts: ctx.nowMs }),
  };
}

export const zoomCatalog: CatalogProviderSpec = {
  id: 'zoom',
  name: 'Zoom',
  signer: 'zoom',
  docs: 'https://developers.zoom.us/docs/api/webhooks/',
  contentType: 'application/json; charset=utf-8',
  newSecret: () => randomId('', 22),
  newEventId: () => `WEB_${randomBytes(16).toString('hex')}`,
  newObjectId: (_kind, t) => String(t.int(11)),
  headers: (ctx) => [
    ['Content-Type', 'application/json; charset=utf-8'],
    ['User-Agent', 'Zoom Marketplace/1.0a'],
    ['clientid', 'hKlensTestClientId0001'],
    ['x-zm-trackingid', ctx.eventId],
  ],
  events: [
    {
      type: 'endpoint.url_validation',
      summary: 'The challenge Zoom sends to validate the endpoint URL',
      body: (ctx) => ({
        payload: { plainToken: randomId('', 22) },
        event_ts: ctx.nowMs,
        event: 'endpoint.url_validation',
      }),
    },
    event('meeting.created', 'A meeting was scheduled', 'created', (ctx) => ({
      operator: OPERATOR,
      operator_id: HOST,
      object: meeting(ctx),
    })),
    event('meeting.updated', 'A meeting was changed', 'updated', (ctx) => ({
      operator: OPERATOR,
      operator_id: HOST,
      object: { id: Number(ctx.objectId), topic: 'Webhook review (moved)' },
      old_object: { id: Number(ctx.objectId), topic: 'Webhook review' },
      time_stamp: ctx.nowMs,
    })),
    event('meeting.deleted', 'A meeting was deleted', 'deleted', (ctx) => ({
      operator: OPERATOR,
      operator_id: HOST,
      object: meeting(ctx),
    })),
    event('meeting.started', 'A meeting started', undefined, (ctx) => ({
      object: meeting(ctx, { start_time: ctx.iso.replace(/\.\d{3}Z$/, 'Z') }),
    })),
    event('meeting.ended', 'A meeting ended', undefined, (ctx) => ({
      object: meeting(ctx, {
        start_time: ctx.isoAt(-1800).replace(/\.\d{3}Z$/, 'Z'),
        end_time: ctx.iso.replace(/\.\d{3}Z$/, 'Z'),
      }),
    })),
    event('meeting.participant_joined', 'Someone joined a meeting', undefined, (ctx) => ({
      object: meeting(ctx, {
        participant: {
          user_id: String(ctx.int(8)),
          user_name: 'Jill Chill',
          id: '',
          participant_uuid: randomId('', 22),
          join_time: ctx.iso.replace(/\.\d{3}Z$/, 'Z'),
          email: 'jchill@example.com',
        },
      }),
    })),
    event('recording.completed', 'A cloud recording is ready', undefined, (ctx) => ({
      object: {
        ...meeting(ctx),
        account_id: ACCOUNT,
        total_size: 3_328_371,
        recording_count: 1,
        share_url: `https://us05web.zoom.us/rec/share/${randomId('', 40)}`,
        recording_files: [
          {
            id: ctx.uuid(),
            meeting_id: randomBase64(16),
            recording_start: ctx.isoAt(-1800).replace(/\.\d{3}Z$/, 'Z'),
            recording_end: ctx.iso.replace(/\.\d{3}Z$/, 'Z'),
            file_type: 'MP4',
            file_size: 3_328_371,
            file_extension: 'MP4',
            play_url: `https://us05web.zoom.us/rec/play/${randomId('', 40)}`,
            download_url: `https://us05web.zoom.us/rec/download/${randomId('', 40)}`,
            status: 'completed',
            recording_type: 'shared_screen_with_speaker_view',
          },
        ],
      },
      download_token: randomId('', 64),
    })),
  ],
};
