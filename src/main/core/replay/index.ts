/* Public face of replay: edit-and-resend, history, auto-forward, cURL and HAR. */
export { createReplayService, type ReplayService, type ReplayServiceDeps } from './replay-service';
export { sendRequest, type SendOptions, type SendResult } from './send-request';
export { resignHeaders, type SignatureProviders } from './resign';
