/* Public face of signature checking. */
export {
  createSignaturesHandlers,
  captureUrl,
  providerInfo,
  GENERIC_PROVIDER_INFO,
  type SignaturesDeps,
} from './handlers';
export { createSignaturesService, type SignaturesService, type SignaturesServiceDeps } from './signatures-service';
export { openSecretStore, mask, type SecretEncryptor, type SecretStore } from './secret-store';
export { ALIASES, PROVIDERS, detectProviders, getProvider } from './registry';
export { createGenericHmacProvider, GENERIC_PROVIDER_ID } from './generic-hmac';
export { verifyUrlSigned } from './url-signed-check';
export type { Provider, SignedRequest, VerifyOptions, VerifyResult, SignOptions } from './types';
