/*
 * API arguments arrive as JSON from the renderer (or over HTTP in browser mode): untrusted. These
 * checks turn a wrong shape into `invalid_argument` naming the field, before any work is done.
 */
import type { HeaderPair } from '../../../shared/capture';
import { HooklensError } from '../../../shared/errors';
import { targetUrlProblem } from '../../../shared/replay/target-url';
import type { ReplayRequest, ReplaySendInput, ReplaySource } from '../../../shared/replay/types';
import type { ReplaySettings } from '../../../shared/settings';

const bad = (message: string): never => {
  throw new HooklensError('invalid_argument', message);
};

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

export function requireString(v: unknown, what: string): string {
  if (typeof v !== 'string' || v === '') bad(`${what} must be a non-empty string.`);
  return v as string;
}

export function parseRequest(v: unknown): ReplayRequest {
  if (!isObject(v)) bad('request must be an object with method, url, headers and body.');
  const r = v as Record<string, unknown>;
  const method = requireString(r.method, 'request.method');
  const url = typeof r.url === 'string' ? r.url : bad('request.url must be a string.');
  if (!Array.isArray(r.headers)) bad('request.headers must be a list of [name, value] pairs.');
  const headers = (r.headers as unknown[]).map((h, i): HeaderPair => {
    if (!Array.isArray(h) || h.length !== 2 || typeof h[0] !== 'string' || typeof h[1] !== 'string') {
      bad(`request.headers[${i}] must be a [name, value] pair of strings.`);
    }
    return [(h as string[])[0], (h as string[])[1]];
  });
  const body = isObject(r.body) ? r.body : bad('request.body must be { encoding, text }.');
  if (body.encoding !== 'utf8' && body.encoding !== 'base64') bad('request.body.encoding must be "utf8" or "base64".');
  if (typeof body.text !== 'string') bad('request.body.text must be a string.');
  return { method, url, headers, body: { encoding: body.encoding as 'utf8' | 'base64', text: body.text as string } };
}

const SOURCES: ReplaySource[] = ['replay', 'edit', 'forward', 'import', 'test-event'];

/** A caller-chosen token naming one send, so it can be cancelled while it waits. */
export function parseSendId(v: unknown): string {
  if (typeof v !== 'string' || !/^[\w-]{1,64}$/.test(v)) bad('sendId must be 1 to 64 letters, digits, "-" or "_".');
  return v as string;
}

export function parseSendInput(v: unknown): ReplaySendInput {
  if (!isObject(v)) bad('sendReplay expects { captureId, request, resign? }.');
  const input = v as Record<string, unknown>;
  const captureId =
    input.captureId === null || input.captureId === undefined ? null : requireString(input.captureId, 'captureId');
  if (input.resign !== undefined && typeof input.resign !== 'boolean') bad('resign must be true or false.');
  if (input.source !== undefined && !SOURCES.includes(input.source as ReplaySource))
    bad('source is not a known replay source.');
  const sendId = input.sendId === undefined ? undefined : parseSendId(input.sendId);
  return {
    ...(sendId ? { sendId } : {}),
    captureId,
    request: parseRequest(input.request),
    resign: input.resign === true,
    source: (input.source as ReplaySource | undefined) ?? (captureId ? 'edit' : 'import'),
  };
}

const MAX_REMEMBERED_ENDPOINTS = 1000;

function choices(v: unknown): Record<string, boolean> {
  if (!isObject(v)) bad('resignByEndpoint must map endpoint ids to true or false.');
  const entries = Object.entries(v as Record<string, unknown>);
  if (entries.length > MAX_REMEMBERED_ENDPOINTS)
    bad(`resignByEndpoint holds at most ${MAX_REMEMBERED_ENDPOINTS} endpoints.`);
  if (entries.some(([, b]) => typeof b !== 'boolean')) bad('resignByEndpoint must map endpoint ids to true or false.');
  return Object.fromEntries(entries) as Record<string, boolean>;
}

function intIn(v: unknown, what: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
    bad(`${what} must be a whole number from ${min} to ${max}.`);
  return v as number;
}

function target(v: unknown, what: string): string {
  if (typeof v !== 'string') bad(`${what} must be a string.`);
  const problem = targetUrlProblem(v as string);
  if (problem) bad(`${what}: ${problem}`);
  return (v as string).trim().replace(/\/+$/, '');
}

export function parseSettingsPatch(v: unknown): Partial<ReplaySettings> {
  if (!isObject(v)) bad('The settings patch must be an object.');
  const out: Partial<ReplaySettings> = {};
  for (const [key, value] of Object.entries(v as Record<string, unknown>)) {
    switch (key) {
      case 'targetBase':
        out.targetBase = target(value, 'Target');
        break;
      case 'forwardTarget':
        out.forwardTarget = target(value, 'Forward target');
        break;
      case 'timeoutMs':
        out.timeoutMs = intIn(value, 'Timeout (ms)', 100, 600_000);
        break;
      case 'forwardMaxAttempts':
        out.forwardMaxAttempts = intIn(value, 'Max attempts', 1, 20);
        break;
      case 'forwardBaseDelayMs':
        out.forwardBaseDelayMs = intIn(value, 'Retry delay (ms)', 0, 600_000);
        break;
      case 'resignByEndpoint':
        out.resignByEndpoint = choices(value);
        break;
      case 'forwardEnabled':
        if (typeof value !== 'boolean') bad('forwardEnabled must be true or false.');
        out.forwardEnabled = value as boolean;
        break;
      default:
        bad(`"${key}" is not a replay setting.`);
    }
  }
  return out;
}
