/*
 * The four verdicts every provider test shows (valid, tampered body, wrong secret, stale timestamp),
 * in both directions: a reference signer (the provider's SDK, or the documented computation written
 * out independently with node:crypto) against our verify, and our sign against a reference
 * verifier. Detection is checked on the same delivery, so a new scheme that overlaps an old one
 * shows up here first.
 */
import { expect, it } from 'vitest';
import type { HeaderPair } from '../../../../shared/capture';
import { detectProviders } from '../registry';
import type { Provider, SignedRequest } from '../types';

export interface SchemeCase {
  provider: Provider;
  secret: string;
  /** A secret of the right shape that is not the one the delivery was signed with. */
  wrongSecret: string;
  body: string;
  /** Unix seconds the delivery was signed at; verification runs a few seconds later. */
  t?: number;
  url?: string;
  /** Headers the sender puts beside its signature (sender evidence, content type…). */
  delivery?: HeaderPair[];
  /** Headers (and optionally a body) as the provider itself signs them. */
  reference(body: string, secret: string, t: number): HeaderPair[];
  /** The provider's own check of headers we produced; absent for verify-only schemes. */
  referenceVerify?(headers: HeaderPair[], body: string, secret: string, t: number): boolean | Promise<boolean>;
  /** Changes the body the way an attacker or a proxy would; defaults to editing the last character before a closing brace. */
  tamper?(body: string): string;
  /** Set for timestamped schemes: the documented tolerance. */
  toleranceSec?: number;
  /** For shared-credential schemes (Basic auth, a passcode): nothing binds the body, and the verdict must say so. */
  bodyUnsigned?: boolean;
  /** For schemes that sign the URL and not the body (Atlassian's qsh): the URL an attacker swaps in. */
  tamperedUrl?: string;
  /** False for schemes that cannot be told from headers alone and are only checked when named (`--provider`). */
  detectFirst?: boolean;
}

const T = 1_760_000_000;

export function request(c: SchemeCase, headers: HeaderPair[], body: string): SignedRequest {
  return {
    method: 'POST',
    url: c.url ?? 'https://hooks.example.com/in',
    headers: [...(c.delivery ?? []), ...headers],
    body: Buffer.from(body),
  };
}

function defaultTamper(body: string): string {
  const replaced = body.replace(/"(\d+)"|(\d+)/, (m) => (m.startsWith('"') ? `"${m.slice(1, -1)}9"` : `${m}9`));
  return replaced === body ? `${body} ` : replaced;
}

/** Registers the standard cases inside the caller's `describe`. */
export function schemeCases(c: SchemeCase): void {
  const t = c.t ?? T;
  const now = t + 5;
  const tamper = c.tamper ?? defaultTamper;

  it('accepts what the provider signs', () => {
    const r = c.provider.verify(request(c, c.reference(c.body, c.secret, t), c.body), { secret: c.secret, now });
    expect(r).toMatchObject({ provider: c.provider.id, valid: true });
  });

  if (c.detectFirst !== false) {
    it("is detected first on the provider's delivery", () => {
      expect(detectProviders(request(c, c.reference(c.body, c.secret, t), c.body))[0]?.id).toBe(c.provider.id);
    });
  }

  if (c.tamperedUrl !== undefined) {
    const swapped = c.tamperedUrl;
    it('rejects the token on another URL', () => {
      const r = c.provider.verify(
        { ...request(c, c.reference(c.body, c.secret, t), c.body), url: swapped },
        { secret: c.secret, now },
      );
      expect(r).toMatchObject({ provider: c.provider.id, valid: false, failure: 'url_mismatch' });
    });
  } else if (c.bodyUnsigned) {
    it('passes a changed body but says the body is not protected', () => {
      const r = c.provider.verify(request(c, c.reference(c.body, c.secret, t), tamper(c.body)), {
        secret: c.secret,
        now,
      });
      expect(r).toMatchObject({ provider: c.provider.id, valid: true });
      expect(r.reason).toMatch(/not signed|not protected/);
    });
  } else
    it('rejects a tampered body', () => {
      const tampered = tamper(c.body);
      expect(tampered).not.toBe(c.body);
      const r = c.provider.verify(request(c, c.reference(c.body, c.secret, t), tampered), { secret: c.secret, now });
      expect(r).toMatchObject({ provider: c.provider.id, valid: false });
      expect(r.failure).toMatch(/signature_mismatch|body_reserialized/);
    });

  it('rejects a wrong secret', () => {
    const r = c.provider.verify(request(c, c.reference(c.body, c.secret, t), c.body), { secret: c.wrongSecret, now });
    expect(r).toMatchObject({ provider: c.provider.id, valid: false });
    expect(r.failure).toMatch(/signature_mismatch|secret_format/);
  });

  if (c.toleranceSec !== undefined) {
    const tolerance = c.toleranceSec;
    it(`rejects a delivery older than the ${tolerance} s tolerance, and accepts one inside it`, () => {
      const headers = c.reference(c.body, c.secret, t);
      const stale = c.provider.verify(request(c, headers, c.body), { secret: c.secret, now: t + tolerance + 60 });
      expect(stale).toMatchObject({ valid: false, failure: 'timestamp_out_of_tolerance' });
      const inside = c.provider.verify(request(c, headers, c.body), { secret: c.secret, now: t + tolerance - 10 });
      expect(inside).toMatchObject({ valid: true });
    });
  }

  if (c.referenceVerify) {
    const check = c.referenceVerify;
    it("signs so that the provider's own check accepts, and only for the exact body and secret", async () => {
      expect(c.provider.sign, 'a signing scheme').toBeDefined();
      const headers = c.provider.sign!({
        secret: c.secret,
        body: Buffer.from(c.body),
        timestamp: t,
        url: c.url ?? 'https://hooks.example.com/in',
      });
      expect(await check(headers, c.body, c.secret, t)).toBe(true);
      if (c.tamperedUrl === undefined && !c.bodyUnsigned)
        expect(await check(headers, tamper(c.body), c.secret, t)).toBe(false);
      expect(await check(headers, c.body, c.wrongSecret, t)).toBe(false);
      const ours = c.provider.verify(request(c, headers, c.body), { secret: c.secret, now });
      expect(ours).toMatchObject({ valid: true });
    });
  }
}
