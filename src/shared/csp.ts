/*
 * The renderer's Content-Security-Policy: browser mode sends it as a header, the Electron build
 * carries it as a <meta> tag (a file:// page has no headers). Only our own scripts run; captured
 * content can never bring in code, frames or remote requests.
 */
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  // CodeMirror injects its theme as <style> elements.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

export const RENDERER_CSP_META = DIRECTIVES.join('; ');
/** frame-ancestors only works as a header. */
export const RENDERER_CSP_HEADER = [...DIRECTIVES, "frame-ancestors 'none'"].join('; ');
