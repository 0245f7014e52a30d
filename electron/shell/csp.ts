/**
 * Content-Security-Policy sent as a header with every app:// response. Everything comes
 * from the app itself; no inline script, no remote anything, no frames, no plugins.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "worker-src 'none'",
].join('; ');

export const APP_SCHEME = 'app';
export const APP_HOST = 'kontaktregistret';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
