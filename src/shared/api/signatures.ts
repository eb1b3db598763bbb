/*
 * Signature checks as the renderer sees them. The secret travels renderer -> core once (setSecret
 * or a one-off checkSignature) and never comes back: status calls return a masked form only.
 */

export type VerifyFailure =
  | 'missing_header'
  | 'malformed_header'
  | 'timestamp_out_of_tolerance'
  | 'signature_mismatch'
  | 'secret_format'
  | 'body_reserialized'
  | 'url_mismatch'
  | 'unsupported';

/** The verdict on one request. JSON-safe; the CLI prints it as is. */
export interface VerifyResult {
  provider: string;
  valid: boolean;
  /** One sentence; for `valid` a confirmation such as "v1 signature matches". */
  reason: string;
  failure?: VerifyFailure;
  /** Signature we computed and the one received, in the provider's encoding, when relevant. */
  expected?: string;
  received?: string;
  /** Signed timestamp minus now, in seconds, for timestamped schemes. */
  skewSec?: number;
  /** Extra hints (e.g. "the body differs from its canonical JSON re-encoding"). */
  hints?: string[];
  /** `url_mismatch` of a URL-signed scheme: the URL the signature does match. */
  signedUrl?: string;
}

export type GenericHmacAlgorithm = 'sha1' | 'sha256' | 'sha512';
export type GenericHmacEncoding = 'hex' | 'base64';

/**
 * A home-made HMAC scheme: `encoding(HMAC(algorithm, secret, template))` sent in `header`, after
 * `prefix`. The template names the signed parts: {body}, {timestamp}, {id}, {url}, {method}.
 */
export interface GenericHmacConfig {
  algorithm: GenericHmacAlgorithm;
  encoding: GenericHmacEncoding;
  /** Header carrying the signature, e.g. "X-Signature". */
  header: string;
  /** Text before the signature in the header value, e.g. "sha256=". Empty for none. */
  prefix: string;
  /** Signed content; defaults to "{body}". */
  template?: string;
  /** Header carrying the timestamp when the template uses {timestamp}. */
  timestampHeader?: string;
  /** Header carrying the message id when the template uses {id}. */
  idHeader?: string;
  /** Allowed skew in seconds when a timestamp is signed; 0 or absent turns the check off. */
  toleranceSec?: number;
  /** How the secret is turned into key bytes; defaults to 'utf8'. */
  secretEncoding?: 'utf8' | 'hex' | 'base64';
}

export interface ProviderInfo {
  id: string;
  name: string;
  signatureHeaders: string[];
  secretHint: string;
  toleranceSec?: number;
  canSign: boolean;
  /** Signs the full URL, so the check needs the URL the provider called. */
  needsUrl: boolean;
}

export interface SecretStatus {
  endpointId: string;
  providerId: string;
  /** e.g. "whsec_••••••••3f9a"; never the secret itself. */
  masked: string;
  /** Whether the stored copy is encrypted by the OS keychain (Electron safeStorage). */
  encrypted: boolean;
  updatedAt: string;
}

export interface CheckSignatureOptions {
  /** Provider to use; detected from the headers when absent. 'generic' needs `generic`. */
  providerId?: string;
  /** One-off secret; the stored one for the capture's endpoint and provider is used when absent. */
  secret?: string;
  generic?: GenericHmacConfig;
  /** Full URL the provider called (URL-signed schemes); built from the Host header when absent. */
  url?: string;
  /** Unix seconds to judge the timestamp against; defaults to the time the capture was received. */
  now?: number;
  toleranceSec?: number;
}

export interface SignatureCheck {
  /** Providers whose headers are on the request, best first. */
  detected: string[];
  /** Provider used for the verdict; absent when none was chosen or detected. */
  providerId?: string;
  /** Absent when no provider or no secret is known: `missing` says which. */
  result?: VerifyResult;
  missing?: 'provider' | 'secret';
  /** Where the secret came from. */
  secretSource?: 'stored' | 'given';
  /** The URL that URL-signed schemes were checked against. */
  url?: string;
  /**
   * On a signature mismatch: how the same secret fares on other captures of this endpoint (the most
   * recent ones from the same provider), which tells a changed body from a wrong secret.
   */
  siblings?: SiblingEvidence;
}

export interface SiblingEvidence {
  /** Other captures of this endpoint from the same provider that were checked (bounded). */
  checked: number;
  /** How many of them the secret validates. */
  validated: number;
  /** Another endpoint whose stored secret for this provider validates this capture. */
  otherEndpointId?: string;
}

export interface SignaturesMethods {
  listSignatureProviders(): Promise<ProviderInfo[]>;
  checkSignature(captureId: string, options?: CheckSignatureOptions): Promise<SignatureCheck>;
  /** Stores the secret for this endpoint and provider; an empty string removes it. */
  setSignatureSecret(endpointId: string, providerId: string, secret: string): Promise<SecretStatus | null>;
  /** Masked status of every stored secret of an endpoint (all endpoints when absent). */
  getSignatureSecretStatus(endpointId?: string): Promise<SecretStatus[]>;
}

export const signaturesMethodNames = {
  listSignatureProviders: true,
  checkSignature: true,
  setSignatureSecret: true,
  getSignatureSecretStatus: true,
} as const satisfies Record<keyof SignaturesMethods, true>;

export interface SignaturesEvents {
  /** A secret was stored or removed; payload is masked. */
  'signatures:secret-changed': { endpointId: string; providerId: string; status: SecretStatus | null };
}
