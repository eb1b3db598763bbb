/*
 * One request on its way to becoming a capture: its body collected up to the limit, its record
 * built and handed to the store, its answer sent only once the store says the record is durable
 * (503 when the write failed, so the sender retries).
 *
 * This runs for every webhook, tens of thousands a second under load, so it is a class whose
 * event handlers are shared by all requests rather than a set of closures made per request, and a
 * body that arrives in one chunk is used as it is instead of being copied.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  DEFAULT_ENDPOINT_ID,
  type CaptureRecord,
  type CaptureResponse,
  type CaptureVia,
} from '../../../shared/capture';
import { capturedBody } from '../body-buffer';
import { newCaptureId } from './capture-id';
import { defaultReply, replyHeaderList, sendJson, tooLarge } from './capture-reply';
import type { ListenerGuard } from './listener-guard';
import type { CaptureListenerOptions, CaptureReply, RouteDecision } from './listener-options';
import { headerPairs } from './raw-request';

/** What every request of one server shares. */
export interface CaptureContext {
  via: CaptureVia;
  guard: ListenerGuard;
  options: CaptureListenerOptions;
  /** The current body limit (limits can change while the listener runs). */
  bodyLimit(): number;
  route(method: string, url: string): RouteDecision;
  report(err: unknown): void;
}

const CAPTURE = Symbol('hooklens.incomingCapture');
type Carrier = IncomingMessage & { [CAPTURE]?: IncomingCapture };
const EMPTY = Buffer.alloc(0);

let lastIsoMs = NaN;
let lastIso = '';
/** `new Date(ms).toISOString()`, remembered for the last millisecond (many captures share one under load). */
function isoTime(ms: number): string {
  if (ms !== lastIsoMs) {
    lastIsoMs = ms;
    lastIso = new Date(ms).toISOString();
  }
  return lastIso;
}
const ignore = (): void => undefined;

function onData(this: Carrier, chunk: Buffer): void {
  this[CAPTURE]?.data(chunk);
}

function onEnd(this: Carrier): void {
  this[CAPTURE]?.end();
}

export class IncomingCapture {
  private readonly started = performance.now();
  private readonly limit: number;
  /** The body so far: one chunk as it came, or the list once a second one arrives. */
  private first: Buffer | null = null;
  private chunks: Buffer[] | null = null;
  private size = 0;
  private rejected = false;
  private id = '';
  private reply: CaptureReply | null = null;

  private constructor(
    private readonly ctx: CaptureContext,
    private readonly req: IncomingMessage,
    private readonly res: ServerResponse,
  ) {
    this.limit = ctx.bodyLimit();
  }

  static receive(ctx: CaptureContext, req: IncomingMessage, res: ServerResponse): void {
    (req as Carrier)[CAPTURE] = new IncomingCapture(ctx, req, res);
    req.on('data', onData);
    // An aborted upload is not a capture: nothing was acknowledged, the provider will retry.
    req.on('error', ignore);
    req.on('end', onEnd);
  }

  data(chunk: Buffer): void {
    if (this.rejected) return;
    this.size += chunk.length;
    if (this.size > this.limit) {
      // Chunked (or lying) bodies: refuse at the limit; the rest is drained, not kept.
      this.rejected = true;
      this.first = null;
      this.chunks = null;
      this.ctx.guard.refuse(this.req.socket, tooLarge(this.limit), this.req);
      return;
    }
    if (this.chunks) this.chunks.push(chunk);
    else if (this.first) this.chunks = [this.first, chunk];
    else this.first = chunk;
  }

  end(): void {
    if (this.rejected) return;
    const bytes = this.chunks ? Buffer.concat(this.chunks, this.size) : (this.first ?? EMPTY);
    this.first = null;
    this.chunks = null;
    try {
      this.store(bytes);
    } catch (err) {
      this.ctx.report(err);
    }
  }

  private decide(method: string, url: string): string {
    let endpointId = DEFAULT_ENDPOINT_ID;
    let decision: RouteDecision | undefined;
    try {
      decision = this.ctx.route(method, url);
      endpointId = decision.endpointId;
    } catch (err) {
      this.ctx.report(err);
    }
    try {
      this.reply = decision?.reply?.(this.id) ?? defaultReply(this.id);
    } catch (err) {
      this.ctx.report(err);
      this.reply = defaultReply(this.id);
    }
    return endpointId;
  }

  private store(bytes: Buffer): void {
    const { req, ctx } = this;
    const now = Date.now();
    this.id = newCaptureId(now);
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const endpointId = this.decide(method, url);
    const reply = this.reply!;
    const response: CaptureResponse = {
      status: reply.status,
      ms: Math.round((performance.now() - this.started) * 100) / 100,
    };
    if (reply.delayMs && reply.delayMs > 0) response.delayMs = reply.delayMs;
    if (reply.simulated) response.simulated = true;
    const record: CaptureRecord = {
      id: this.id,
      endpointId,
      receivedAt: isoTime(now),
      method,
      url,
      httpVersion: req.httpVersion,
      headers: headerPairs(req.rawHeaders),
      body: capturedBody(bytes),
      remoteAddress: req.socket.remoteAddress ?? '',
      via: ctx.via,
      response,
    };
    let written: Promise<void>;
    try {
      written = ctx.options.store.add(record);
    } catch (err) {
      written = Promise.reject(err);
    }
    written.then(
      () => this.stored(record),
      (err: unknown) => this.failed(err),
    );
  }

  private failed(err: unknown): void {
    const { res } = this;
    try {
      this.ctx.options.onStoreError?.(err);
    } catch (e) {
      this.ctx.report(e);
    }
    if (!res.headersSent && !res.destroyed)
      sendJson(res, 503, { ok: false, error: 'store_failed', message: 'Capture could not be saved; retry later.' });
  }

  private stored(record: CaptureRecord): void {
    try {
      this.ctx.options.onCaptured?.(record);
    } catch (err) {
      this.ctx.report(err);
    }
    const delay = this.reply!.delayMs;
    if (delay && delay > 0) setTimeout(() => this.send(), delay);
    else this.send();
  }

  private send(): void {
    const { res, req } = this;
    const reply = this.reply!;
    // The client may be gone (or being refused for something it pipelined): nothing to say to it.
    if (res.destroyed || this.ctx.guard.isClosing(req.socket)) return;
    try {
      // A string body (not a Buffer) lets node:http send it in the same write as the head.
      res.writeHead(reply.status, replyHeaderList(reply.headers, Buffer.byteLength(reply.body, 'utf8')));
      res.end(reply.body, 'utf8');
    } catch (err) {
      // A configured reply with an invalid status or header: the capture is saved, say so.
      this.ctx.report(err);
      if (!res.headersSent)
        sendJson(res, 500, {
          ok: false,
          error: 'reply_failed',
          id: this.id,
          message: 'The configured reply could not be sent; the capture was saved.',
        });
      else res.destroy();
    }
  }
}
