/*
 * The attacker's probes: requests a handler must refuse. A forged body under a kept signature, no
 * signature at all, a signature made with another secret, and a correctly signed but old delivery
 * (a replay). Any 2xx is a failure; a 4xx is the right answer; a 5xx or no answer at least did not
 * accept it, but makes the provider retry, so it is a warning.
 */
import type { ProbeResult } from '../../../shared/check/types';
import { setField, tamperedBody, withoutHeaders } from './delivery';
import { classify, describeAnswer, result, type ProbeContext, type ProbeDefinition } from './probe-context';
import { bodyBytes, otherSecret } from './probe-request';

const REJECT_HINT = 'answer 400 or 401 so the provider does not retry it';

/** The shared verdict of the must-reject probes. */
function judgeRejection(def: ProbeDefinition, attempt: ProbeResult['attempts'][number], accepted: string): ProbeResult {
  const r = attempt.response;
  const answer = classify(r);
  switch (answer) {
    case '2xx':
      return result(def, 'fail', `${accepted} and it answered ${describeAnswer(r)}.`, [attempt]);
    case '4xx':
    case '413':
      return result(def, 'pass', `Rejected with ${describeAnswer(r)}.`, [attempt]);
    case '5xx':
      return result(
        def,
        'warn',
        `Not accepted, but it answered ${describeAnswer(r)}: a 5xx looks like an outage to the provider; ${REJECT_HINT}.`,
        [attempt],
      );
    case '3xx':
      return result(
        def,
        'warn',
        `Answered with a redirect (${describeAnswer(r)}) instead of refusing; ${REJECT_HINT}.`,
        [attempt],
      );
    case 'timeout':
    case 'error':
    case 'other':
      return result(def, 'warn', `No clear refusal: ${describeAnswer(r)}; ${REJECT_HINT}.`, [attempt]);
    default: {
      const never: never = answer;
      return never;
    }
  }
}

export const forgedBodyProbe: ProbeDefinition = {
  id: 'forged-body',
  title: 'Body changed after signing',
  async run(ctx) {
    const d = ctx.fresh();
    const signed = ctx.sign(d);
    const forged = tamperedBody({ ...d, body: bodyBytes(signed) });
    const request = { ...signed, body: { encoding: 'utf8' as const, text: forged.toString('utf8') } };
    const attempt = await ctx.send(this.id, 'signed, then the body changed', request);
    return judgeRejection(
      this,
      attempt,
      'Your handler accepts forged webhooks: the body was changed after signing, the signature kept,',
    );
  },
};

export const unsignedProbe: ProbeDefinition = {
  id: 'unsigned',
  title: 'Signature header missing',
  async run(ctx) {
    const keep = new Set(
      [ctx.profile.eventId, ctx.profile.eventType].flatMap((loc) =>
        loc?.in === 'header' ? [loc.name.toLowerCase()] : [],
      ),
    );
    const drop = ctx.provider.signatureHeaders.filter((n) => !keep.has(n.toLowerCase()));
    const signed = ctx.sign(ctx.fresh());
    const request = { ...signed, headers: withoutHeaders(signed.headers, drop) };
    const attempt = await ctx.send(this.id, `without ${drop.join(', ')}`, request);
    return judgeRejection(
      this,
      attempt,
      `Your handler accepts unsigned webhooks: ${drop.join(' and ')} ${drop.length > 1 ? 'were' : 'was'} left out`,
    );
  },
};

export const wrongSecretProbe: ProbeDefinition = {
  id: 'wrong-secret',
  title: 'Signed with another secret',
  async run(ctx) {
    const request = ctx.sign(ctx.fresh(), { secret: otherSecret(ctx.provider, ctx.secret) });
    const attempt = await ctx.send(this.id, 'signed with a different secret', request);
    return judgeRejection(
      this,
      attempt,
      'Your handler accepts forged webhooks: the delivery was signed with a secret that is not yours',
    );
  },
};

/** How far outside the tolerance the replayed delivery is dated. */
const STALE_MARGIN_SEC = 600;

export const staleTimestampProbe: ProbeDefinition = {
  id: 'stale-timestamp',
  title: 'Old timestamp (replay attack)',
  skip: (ctx: ProbeContext) =>
    ctx.profile.toleranceSec === undefined
      ? `${ctx.profile.name} signs no timestamp a receiver is told to check, so an old delivery cannot be told from a new one.`
      : undefined,
  async run(ctx) {
    const tolerance = ctx.profile.toleranceSec ?? 0;
    const age = tolerance + STALE_MARGIN_SEC;
    const stale = ctx.now() - age;
    let d = ctx.fresh();
    if (ctx.profile.bodyTimestampMs) d = setField(d, ctx.profile.bodyTimestampMs, stale * 1000) ?? d;
    const request = ctx.sign(d, { timestamp: stale });
    const attempt = await ctx.send(this.id, `correctly signed ${age} s ago`, request);
    return judgeRejection(
      this,
      attempt,
      `Your handler accepts replayed webhooks: the delivery was correctly signed ${age} s ago, outside the ${tolerance} s tolerance,`,
    );
  },
};
