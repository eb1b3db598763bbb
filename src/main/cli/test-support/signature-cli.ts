/*
 * What the `verify`, `sign` and `providers` command tests share: a body file in a fresh directory
 * per test, and the commands run with their output kept (verify's parsed as JSON).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Stripe from 'stripe';
import { afterEach, beforeEach } from 'vitest';
import { runSign, runVerify } from '../signature-commands';
import { runCaptured } from './captured-io';

export const stripeSdk = new Stripe('sk_test_hooklens');
export const SECRET = 'whsec_cli_0123456789abcdef';
export const BODY = '{"id":"evt_cli","type":"invoice.paid"}';

export interface BodyFileDir {
  /** The directory, made before and removed after each test. */
  readonly dir: string;
  /** `body.json` in it, holding BODY. */
  readonly bodyFile: string;
}

/** Registers the hooks that give each test a directory holding BODY in `body.json`. */
export function useBodyFile(): BodyFileDir {
  const state = { dir: '', bodyFile: '' };
  beforeEach(async () => {
    state.dir = await mkdtemp(join(tmpdir(), 'hooklens-cli-'));
    state.bodyFile = join(state.dir, 'body.json');
    await writeFile(state.bodyFile, BODY);
  });
  afterEach(async () => {
    await rm(state.dir, { recursive: true, force: true });
  });
  return state;
}

export async function verify(args: string[]) {
  const { code, io } = await runCaptured(runVerify, args);
  return { code, io, json: io.out.length ? (JSON.parse(io.out.join('')) as Record<string, unknown>) : undefined };
}

export async function sign(args: string[]) {
  const { code, io } = await runCaptured(runSign, args);
  return { code, io, text: io.out.join('') };
}

/** The headers `sign` printed (a JSON object), as `--header "Name: value"` arguments for `verify`. */
export const asHeaderArgs = (json: string): string[] =>
  Object.entries(JSON.parse(json) as Record<string, string>).flatMap(([n, v]) => ['--header', `${n}: ${v}`]);
