/* Public face of signature checking. */
export { createSignaturesHandlers, captureBody, captureUrl, type SignaturesDeps } from './handlers';
export { runProviders, runSign, runVerify, type CliIo } from './cli-commands';
export { openSecretStore, mask, type SecretEncryptor, type SecretStore } from './secret-store';
export { PROVIDERS, detectProviders, getProvider } from './registry';
export { createGenericHmacProvider, GENERIC_PROVIDER_ID } from './generic-hmac';
export type { Provider, SignedRequest, VerifyOptions, VerifyResult, SignOptions } from './types';
