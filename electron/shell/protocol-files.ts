import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { APP_HOST, CONTENT_SECURITY_POLICY } from './csp';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
};

/**
 * Serves the built renderer for app://kontaktregistret/<path>. Only files under `root`;
 * anything else (other host, traversal, missing file) is a 404. Pure Node so it is tested.
 */
export async function serveAppFile(
  root: string,
  url: string,
): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  const notFound = {
    status: 404,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain' },
    body: Buffer.from('Hittades inte'),
  };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return notFound;
  }
  if (parsed.host !== APP_HOST) return notFound;
  const rel = decodeURIComponent(parsed.pathname === '/' ? '/index.html' : parsed.pathname);
  const full = normalize(join(root, rel));
  if (!full.startsWith(normalize(root) + sep)) return notFound;
  try {
    const body = await readFile(full);
    return {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': TYPES[extname(full)] ?? 'application/octet-stream' },
      body,
    };
  } catch {
    return notFound;
  }
}

export { SECURITY_HEADERS };
