/*
 * For every provider with a profile, the probes are judged by the provider's own SDK behind a real
 * HTTP server: the valid delivery must verify (200), and the body-changed, unsigned, other-secret
 * and stale deliveries must not (401). Twitch publishes no SDK, so its documented HMAC recipe is
 * rebuilt here independently of the provider code.
 */
import { verify as verifyGithub } from '@octokit/webhooks-methods';
import { Signature as HubSpotSignature } from '@hubspot/api-client/lib/src/utils/signature';
import { LinearWebhookClient } from '@linear/sdk/webhooks';
import { Environment, Paddle } from '@paddle/paddle-node-sdk';
import { isValidSlackRequest } from '@slack/bolt/dist/receivers/verify-request';
import { AwsLambdaReceiver } from '@zoom/rivet/meetings';
import { createHmac, timingSafeEqual } from 'node:crypto';
import http, { type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import Stripe from 'stripe';
import * as twilioSdk from 'twilio/lib/webhooks/webhooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PROFILES } from '../signatures/profiles';
import { shopifyApiFor } from '../signatures/test-support/shopify-sdk';
import { SquareWebhooks } from '../signatures/test-support/square-sdk';
import { runCheck } from './run-check';

interface Judged {
  req: IncomingMessage;
  body: Buffer;
  url: string;
  h(name: string): string;
}
type Judge = (j: Judged, secret: string) => Promise<boolean> | boolean;

const stripeSdk = new Stripe('sk_test_hooklens_judge');
const paddleSdk = new Paddle('pdl_sdbx_apikey_01j8z3x6k2m4n5p7q9r0s1t2v3_placeholder', {
  environment: Environment.sandbox,
});

const JUDGES: Record<string, { secret: string; judge: Judge }> = {
  stripe: {
    secret: 'whsec_judge_0123456789',
    judge: (j, s) => !!stripeSdk.webhooks.constructEvent(j.body, j.h('stripe-signature'), s),
  },
  github: {
    secret: 'github-judge-secret',
    judge: (j, s) => verifyGithub(s, j.body.toString('utf8'), j.h('x-hub-signature-256')),
  },
  shopify: {
    secret: 'shopify-judge-secret',
    judge: async (j, s) => {
      const api = shopifyApiFor(s);
      const res = new http.ServerResponse(j.req);
      return (await api.webhooks.validate({ rawBody: j.body.toString('utf8'), rawRequest: j.req, rawResponse: res }))
        .valid;
    },
  },
  slack: {
    secret: 'slack-judge-signing-secret',
    judge: (j, s) =>
      isValidSlackRequest({
        signingSecret: s,
        body: j.body.toString('utf8'),
        headers: {
          'x-slack-signature': j.h('x-slack-signature'),
          'x-slack-request-timestamp': Number(j.h('x-slack-request-timestamp')),
        },
      }),
  },
  'standard-webhooks': {
    secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    judge: (j, s) =>
      !!new Webhook(s).verify(
        j.body.toString('utf8'),
        Object.fromEntries(['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((n) => [n, j.h(n)])),
      ),
  },
  twilio: {
    secret: 'twilio-judge-auth-token',
    judge: (j, s) =>
      twilioSdk.validateRequest(
        s,
        j.h('x-twilio-signature'),
        j.url,
        Object.fromEntries(new URLSearchParams(j.body.toString('utf8'))),
      ),
  },
  square: {
    secret: 'square-judge-signature-key',
    judge: (j, s) =>
      SquareWebhooks.verifySignature({
        requestBody: j.body.toString('utf8'),
        signatureHeader: j.h('x-square-hmacsha256-signature'),
        signatureKey: s,
        notificationUrl: j.url,
      }),
  },
  paddle: {
    secret: 'pdl_ntfset_judge_secret',
    judge: (j, s) => paddleSdk.webhooks.isSignatureValid(j.body.toString('utf8'), s, j.h('paddle-signature')),
  },
  linear: {
    secret: 'lin_wh_judge_secret',
    judge: (j, s) => new LinearWebhookClient(s).verify(j.body, j.h('linear-signature')),
  },
  zoom: {
    secret: 'zoom-judge-secret-token',
    judge: async (j, s) => {
      const handler = new AwsLambdaReceiver({ webhooksSecretToken: s }).start();
      const headers = {
        'x-zm-signature': j.h('x-zm-signature'),
        'x-zm-request-timestamp': j.h('x-zm-request-timestamp'),
      };
      const res = (await handler(
        { body: j.body.toString('utf8'), headers, isBase64Encoded: false } as never,
        {} as never,
      )) as { statusCode: number };
      return res.statusCode === 200;
    },
  },
  twitch: {
    secret: 'twitch-judge-secret',
    // https://dev.twitch.tv/docs/eventsub/handling-webhook-events/#verifying-the-event-message
    judge: (j, s) => {
      const [id, ts, sig] = [
        'twitch-eventsub-message-id',
        'twitch-eventsub-message-timestamp',
        'twitch-eventsub-message-signature',
      ].map((n) => j.h(n));
      const expected = Buffer.from(
        `sha256=${createHmac('sha256', s).update(`${id}${ts}`).update(j.body).digest('hex')}`,
      );
      const fresh = Math.abs(Date.now() - Date.parse(ts!)) <= 10 * 60 * 1000;
      return fresh && expected.length === Buffer.from(sig!).length && timingSafeEqual(expected, Buffer.from(sig!));
    },
  },
  hubspot: {
    secret: 'hubspot-judge-client-secret',
    judge: (j, s) =>
      HubSpotSignature.isValid({
        signatureVersion: 'v3',
        signature: j.h('x-hubspot-signature-v3'),
        clientSecret: s,
        requestBody: j.body.toString('utf8'),
        url: j.url,
        method: j.req.method ?? 'POST',
        timestamp: Number(j.h('x-hubspot-request-timestamp')),
      }),
  },
};

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
  vi.restoreAllMocks();
});

async function startJudge(judge: Judge, secret: string): Promise<string> {
  let url = '';
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const h = (name: string) => {
        const v = req.headers[name];
        return (Array.isArray(v) ? v[0] : v) ?? '';
      };
      Promise.resolve()
        .then(() => judge({ req, body, url, h }, secret))
        .catch(() => false)
        .then((ok) => {
          res.writeHead(ok ? 200 : 401, { 'Content-Type': 'text/plain' });
          res.end(ok ? 'verified by the SDK' : 'rejected by the SDK');
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
  close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return url;
}

describe('every profiled provider: the official SDK accepts the valid probe and rejects each forged one', () => {
  it('has a judge for every profile', () => {
    expect(PROFILES.map((p) => p.providerId).sort()).toEqual(Object.keys(JUDGES).sort());
  });

  for (const profile of PROFILES) {
    it(
      profile.providerId,
      async () => {
        vi.spyOn(console, 'debug').mockImplementation(() => undefined);
        const { judge, secret } = JUDGES[profile.providerId]!;
        const url = await startJudge(judge, secret);
        const outcome = await runCheck({
          target: url,
          providerId: profile.providerId,
          secret,
          only: ['valid', 'forged-body', 'unsigned', 'wrong-secret', 'stale-timestamp'],
        });
        if (outcome.kind !== 'report') throw new Error(outcome.message);
        const seen = Object.fromEntries(
          outcome.report.probes.map((p) => [
            p.id,
            p.response.kind === 'response' ? p.response.status : p.response.error,
          ]),
        );
        const expected: Record<string, number> = { valid: 200, 'forged-body': 401, unsigned: 401, 'wrong-secret': 401 };
        if (profile.toleranceSec !== undefined) expected['stale-timestamp'] = 401;
        expect(seen).toEqual(expected);
      },
      20_000,
    );
  }
});
