/*
 * The provider's probes: deliveries a handler must take. A valid one within the timeout, the same
 * one again and five copies at once (the unique-constraint crash), a retry with the provider's
 * retry headers, two events of one object in reverse order, an event type the handler does not
 * know, a body near the provider's size limit, and the answer times over the whole run.
 */
import type { ProbeAttempt } from '../../../shared/check/types';
import { padded, setField, withFreshId, type Delivery } from './delivery';
import {
  classify,
  dedupeField,
  describeAnswer,
  result,
  seconds,
  timeoutPhrase,
  type ProbeContext,
  type ProbeDefinition,
} from './probe-context';
import { withHeaders } from './probe-request';

const CONCURRENT_COPIES = 5;
/** Bodies are capped so a 25 MB provider limit never turns into an unbounded send. */
const LARGE_BODY_CAP = 32 * 1024 * 1024;
const UNKNOWN_TYPE = 'hooklens.check_unknown_event';

export const validProbe: ProbeDefinition = {
  id: 'valid',
  title: 'Valid delivery',
  async run(ctx) {
    const attempt = await ctx.send(this.id, 'correctly signed', ctx.sign(ctx.fresh()));
    const r = attempt.response;
    const answer = classify(r);
    switch (answer) {
      case '2xx':
        return result(this, 'pass', `Answered ${describeAnswer(r)}, within ${timeoutPhrase(ctx)}.`, [attempt]);
      case 'timeout':
        return result(
          this,
          'fail',
          `Too slow: no answer within ${timeoutPhrase(ctx)}; ${ctx.profile.name} would count it as failed and retry.`,
          [attempt],
        );
      case '4xx':
      case '413':
        return result(
          this,
          'fail',
          `Rejected a correctly signed delivery with ${describeAnswer(r)}: does the handler use the same secret?`,
          [attempt],
        );
      case '3xx':
        return result(
          this,
          'fail',
          `Answered with a redirect (${describeAnswer(r)}); providers count any non-2xx as a failed delivery.`,
          [attempt],
        );
      case '5xx':
      case 'error':
      case 'other':
        return result(this, 'fail', `A correctly signed delivery failed: ${describeAnswer(r)}.`, [attempt]);
      default: {
        const never: never = answer;
        return never;
      }
    }
  },
};

/** The first attempt that is a 5xx, else a connection failure, else a non-2xx, else the last. */
function worst(attempts: ProbeAttempt[]): ProbeAttempt {
  const by = (...classes: string[]) => attempts.find((a) => classes.includes(classify(a.response)));
  return (
    by('5xx') ?? by('error') ?? by('timeout') ?? by('3xx', '4xx', '413', 'other') ?? attempts[attempts.length - 1]!
  );
}

/** What a probe of several deliveries says for each class of its decisive (worst) answer. */
interface AttemptsSentences {
  pass: string;
  fail(decisive: ProbeAttempt): string;
  timeout(decisive: ProbeAttempt): string;
  other(decisive: ProbeAttempt): string;
}

/** The verdict of several deliveries, decided by the worst answer among them. */
function attemptsVerdict(def: ProbeDefinition, attempts: ProbeAttempt[], notes: string[], say: AttemptsSentences) {
  const decisive = worst(attempts);
  const answer = classify(decisive.response);
  switch (answer) {
    case '2xx':
      return result(def, 'pass', say.pass, attempts, decisive, notes);
    case '5xx':
    case 'error':
      return result(def, 'fail', say.fail(decisive), attempts, decisive, notes);
    case 'timeout':
      return result(def, 'warn', say.timeout(decisive), attempts, decisive, notes);
    case '3xx':
    case '4xx':
    case '413':
    case 'other':
      return result(def, 'warn', say.other(decisive), attempts, decisive, notes);
    default: {
      const never: never = answer;
      return never;
    }
  }
}

function repeatVerdict(
  ctx: ProbeContext,
  def: ProbeDefinition,
  attempts: ProbeAttempt[],
  what: string,
  notes: string[],
) {
  const field = dedupeField(ctx.profile);
  return attemptsVerdict(def, attempts, notes, {
    pass: `All ${attempts.length} deliveries (${what}) were answered 2xx.`,
    fail: (d) =>
      `Your handler fails on a repeated delivery: ${d.label} got ${describeAnswer(d.response)}; deduplicate on ${field}.`,
    timeout: (d) =>
      `${d.label} got no answer within ${timeoutPhrase(ctx)}, so ${ctx.profile.name} would send it yet again.`,
    other: (d) =>
      `${d.label} got ${describeAnswer(d.response)}: answer 2xx to an event already handled, or ${ctx.profile.name} keeps retrying it.`,
  });
}

export const duplicateProbe: ProbeDefinition = {
  id: 'duplicate',
  title: 'Duplicate delivery, then 5 copies at once',
  async run(ctx) {
    const request = ctx.sign(ctx.fresh());
    const attempts = [
      await ctx.send(this.id, 'first delivery', request),
      await ctx.send(this.id, 'the same delivery again', request),
    ];
    const copies = await Promise.all(
      Array.from({ length: CONCURRENT_COPIES }, (_, i) =>
        ctx.send(this.id, `copy ${i + 1} of ${CONCURRENT_COPIES} sent at once`, request),
      ),
    );
    attempts.push(...copies);
    const notes = [
      `Deduplicate on ${dedupeField(ctx.profile)}: it is the same on every delivery of one event.`,
      'Hooklens sees only the answers: check that the side effect (row, email, charge) happened once.',
    ];
    return repeatVerdict(ctx, this, attempts, 'one event, 7 times', notes);
  },
};

export const retryProbe: ProbeDefinition = {
  id: 'retry',
  title: 'Retry after a timeout',
  async run(ctx) {
    const d = ctx.fresh();
    const first = await ctx.send(this.id, 'first attempt (treated as timed out)', ctx.sign(d));
    const retryRows = ctx.profile.retryHeaders?.(1, 'timeout') ?? [];
    // A provider signs each attempt anew, so the retry carries a fresh timestamp.
    const retry = withHeaders(ctx.sign(d), retryRows);
    const label = retryRows.length
      ? `retry with ${retryRows.map(([n, v]) => `${n}: ${v}`).join(', ')}`
      : 'retry of the same event';
    const second = await ctx.send(this.id, label, retry);
    const notes = [`${ctx.profile.name} retries: ${ctx.profile.retrySchedule}.`];
    return repeatVerdict(ctx, this, [first, second], 'first attempt and its retry', notes);
  },
};

function eventDelivery(
  ctx: ProbeContext,
  type: string,
  set: [Parameters<typeof setField>[1], string | number][] = [],
): Delivery | undefined {
  let d: Delivery | undefined = ctx.fresh();
  if (ctx.profile.eventType) d = setField(d, ctx.profile.eventType, type);
  for (const [loc, value] of set) d = d && setField(d, loc, value);
  return d;
}

export const reverseOrderProbe: ProbeDefinition = {
  id: 'reverse-order',
  title: 'Two events of one object in reverse order',
  skip: (ctx) => {
    if (ctx.reversePair) return undefined;
    const pair = ctx.profile.reversePair;
    if (!pair) return `No documented pair of ${ctx.profile.name} events about one object.`;
    if (!eventDelivery(ctx, pair.first.type, pair.first.set))
      return 'The source delivery has no JSON or form body to set the event on.';
    return undefined;
  },
  async run(ctx) {
    const pair = ctx.reversePair
      ? {
          first: { type: ctx.reversePair.first.type },
          second: { type: ctx.reversePair.second.type },
          why: ctx.reversePair.why,
        }
      : ctx.profile.reversePair!;
    const later = ctx.reversePair
      ? withFreshId(ctx.reversePair.second.delivery, ctx.profile)
      : eventDelivery(ctx, pair.second.type, ctx.profile.reversePair!.second.set)!;
    const earlier = ctx.reversePair
      ? withFreshId(ctx.reversePair.first.delivery, ctx.profile)
      : eventDelivery(ctx, pair.first.type, ctx.profile.reversePair!.first.set)!;
    const attempts = [
      await ctx.send(this.id, `${pair.second.type} (the later event) first`, ctx.sign(later)),
      await ctx.send(this.id, `${pair.first.type} (the earlier event) second`, ctx.sign(earlier)),
    ];
    return attemptsVerdict(this, attempts, [`Why this happens: ${pair.why}.`], {
      pass: `Both answered 2xx with ${pair.second.type} before ${pair.first.type}.`,
      fail: (d) => `Your handler fails on events out of order: ${d.label} got ${describeAnswer(d.response)}.`,
      timeout: (d) => `${d.label} got no answer within ${timeoutPhrase(ctx)} (see response times).`,
      other: (d) =>
        `${d.label} got ${describeAnswer(d.response)}: accept out-of-order events with 2xx and reconcile, or they are retried.`,
    });
  },
};

export const unknownTypeProbe: ProbeDefinition = {
  id: 'unknown-type',
  title: 'Unknown event type',
  skip: (ctx) =>
    !ctx.profile.eventType
      ? `${ctx.profile.name} deliveries carry no event type.`
      : !eventDelivery(ctx, UNKNOWN_TYPE)
        ? 'The source delivery has no JSON body to set the event type in.'
        : undefined,
  async run(ctx) {
    const attempt = await ctx.send(this.id, `event type ${UNKNOWN_TYPE}`, ctx.sign(eventDelivery(ctx, UNKNOWN_TYPE)!));
    const r = attempt.response;
    if (classify(r) === '2xx')
      return result(this, 'pass', `Answered ${describeAnswer(r)} to an event type it does not handle.`, [attempt]);
    return result(
      this,
      'warn',
      `Answered ${describeAnswer(r)} to an event type it does not handle: answer 2xx and ignore it, or ${ctx.profile.name} retries it and may disable the endpoint.`,
      [attempt],
    );
  },
};

export const largeBodyProbe: ProbeDefinition = {
  id: 'large-body',
  title: 'Body near the maximum size',
  slow: true,
  skip: (ctx) =>
    ctx.profile.maxPayloadBytes === undefined
      ? `${ctx.profile.name} documents no maximum payload size.`
      : !padded(ctx.source, 1)
        ? 'The source delivery has no JSON or form body to pad.'
        : undefined,
  async run(ctx) {
    const max = ctx.profile.maxPayloadBytes!;
    const size = Math.min(max, LARGE_BODY_CAP) - 4096;
    const d = padded(ctx.fresh(), size)!;
    const mb = (d.body.length / 1024 / 1024).toFixed(1);
    const attempt = await ctx.send(this.id, `a ${mb} MB body`, ctx.sign(d));
    const r = attempt.response;
    const limit = `${ctx.profile.name} sends up to ${(max / 1024 / 1024).toFixed(0)} MB`;
    const answer = classify(r);
    switch (answer) {
      case '2xx':
        return result(this, 'pass', `Took a ${mb} MB body: ${describeAnswer(r)}.`, [attempt]);
      case '413':
        return result(
          this,
          'warn',
          `Refused a ${mb} MB body with a clear 413; ${limit}, so raise the body limit on this route.`,
          [attempt],
        );
      case '5xx':
      case 'error':
      case 'timeout':
        return result(this, 'fail', `A ${mb} MB body broke the handler: ${describeAnswer(r)}; ${limit}.`, [attempt]);
      case '3xx':
      case '4xx':
      case 'other':
        return result(this, 'warn', `A ${mb} MB body got ${describeAnswer(r)}; ${limit}: accept it or answer 413.`, [
          attempt,
        ]);
      default: {
        const never: never = answer;
        return never;
      }
    }
  },
};

/** Above this share of the timeout an answer is a warning: a busy day pushes it over. */
const SLOW_SHARE = 0.5;

export const responseTimeProbe: ProbeDefinition = {
  id: 'response-time',
  title: 'Response times',
  async run(ctx) {
    // Run alone (--only response-time), it measures one delivery of its own.
    const attempts = ctx.earlier.length
      ? ctx.earlier
      : [await ctx.send(this.id, 'correctly signed', ctx.sign(ctx.fresh()))];
    const late = attempts.filter((a) => a.response.kind === 'error' && a.response.timedOut);
    const answered = attempts.filter((a) => a.response.kind === 'response');
    const slowest = [...answered].sort((a, b) => b.response.ms - a.response.ms)[0];
    if (late.length) {
      return result(
        this,
        'fail',
        `Too slow: ${late.length} of ${attempts.length} requests got no answer within ${timeoutPhrase(ctx)}, first "${late[0]!.label}".`,
        [],
        late[0],
        [
          `Answer 2xx first and do the work afterwards (a queue), so every delivery is acknowledged within ${seconds(ctx.timeoutMs)}.`,
        ],
      );
    }
    if (!slowest)
      return result(this, 'warn', 'No request was answered, so no time could be measured.', [], attempts[0]);
    const ms = slowest.response.ms;
    if (ms > ctx.timeoutMs * SLOW_SHARE) {
      return result(
        this,
        'warn',
        `Slowest answer ${ms} ms ("${slowest.label}") is over half of ${timeoutPhrase(ctx)}.`,
        [],
        slowest,
      );
    }
    return result(
      this,
      'pass',
      `Slowest of ${attempts.length} answers took ${ms} ms, well within ${timeoutPhrase(ctx)}.`,
      [],
      slowest,
    );
  },
};
