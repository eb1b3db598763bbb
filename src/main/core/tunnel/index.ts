/*
 * Public face of the tunnel: the service the core composes, plus the pieces tests and the shells
 * may want on their own.
 */
export { createTunnelService, type TunnelService, type TunnelServiceDeps } from './tunnel-service';
export { generateSubdomain } from './tunnel-open';
export { DEFAULT_TIMING, type TunnelTiming } from './tunnel-connection';
export { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
export { normalizeSubdomain, normalizeTunnelHost, validateTunnelPatch } from './tunnel-settings';
export { createPublicUrlChecker, DEFAULT_SELF_CHECK, type SelfCheckTiming } from './public-url-check';
export {
  createTunnelProbeRoute,
  probeChallenge,
  probePublicUrl,
  probeTarget,
  type TunnelProbeRoute,
} from './tunnel-probe';
export { memoryOnlyTunnelMemory, openTunnelMemory, type RememberedTunnel, type TunnelMemory } from './tunnel-memory';
