/*
 * Signature provider contract. One provider per file in ./providers/, listed in ./registry.ts.
 * Verification is offline and works on the exact captured bytes; every failure carries a reason a
 * developer can act on ("timestamp 412 s outside the 300 s tolerance", "secret looks like a
 * whsec_ key but was used raw"…).
 */
import type { HeaderPair } from '../../../shared/capture';

/** A request as the provider sent it. */
export interface SignedRequest {
  method: string;
  /** Full URL as the provider called it, when known (needed by URL-signed providers like Twilio). */
  url?: string;
  headers: HeaderPair[];
  body: Buffer;
}

export interface VerifyOptions {
  secret: string;
  /** Unix seconds to judge timestamps against; defaults to the current time. */
  now?: number;
  /** Seconds of allowed skew for timestamped schemes; defaults to the provider's documented value. */
  toleranceSec?: number;
  /** Overrides the URL used by URL-signed providers. */
  url?: string;
}

// The verdict types are shared with the renderer; they are declared once in the API section.
export type { VerifyFailure, VerifyResult } from '../../../shared/api/signatures';
import type { VerifyResult } from '../../../shared/api/signatures';

export interface SignOptions {
  secret: string;
  body: Buffer;
  /** Unix seconds; defaults to now. */
  timestamp?: number;
  /** Message id for schemes that sign one (Standard Webhooks, Svix…). */
  id?: string;
  url?: string;
  method?: string;
  /** Other request headers, for schemes that sign some of them. */
  headers?: HeaderPair[];
}

/**
 * What tells overlapping schemes apart (GitHub, Bitbucket and Intercom all use X-Hub-Signature).
 * `detectProviders` ranks the providers whose `detect` passes by this evidence, strongest first:
 * headers only this sender sends, then a signature header value in this provider's exact form,
 * then how many of its signature headers are present, then the body's shape; registry order last.
 */
export interface DetectionEvidence {
  /** Headers this sender sends beside its signature and nobody else does (X-GitHub-Event…). */
  senderHeaders?: string[];
  /** The signature header's value has this provider's exact form (prefix, digest length). */
  signatureForm?(req: SignedRequest): boolean;
  /** The body looks like this sender's payloads; only breaks ties. */
  bodyShape?(body: Buffer): boolean;
}

export interface Provider {
  id: string;
  name: string;
  /** Header names that carry the signature (for display and `hooklens providers`). */
  signatureHeaders: string[];
  /** What form the secret takes, shown next to the secret field. */
  secretHint: string;
  /** Default tolerance in seconds for timestamped schemes. */
  toleranceSec?: number;
  /** Cheap: looks at headers only. */
  detect(req: SignedRequest): boolean;
  /** Ranks this provider against others whose `detect` also passes. */
  evidence?: DetectionEvidence;
  verify(req: SignedRequest, opts: VerifyOptions): VerifyResult;
  /** Signs the full URL (Twilio…): verification needs `SignedRequest.url` or `VerifyOptions.url`. */
  needsUrl?: boolean;
  /** Absent for schemes we can only verify (asymmetric keys we do not hold, token compare…). */
  sign?(opts: SignOptions): HeaderPair[];
}
