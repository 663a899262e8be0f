import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Context } from 'hono';

/** Content types of what a Vite build emits. */
const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Vite names what it emits under assets/ with a content hash: those never change, the rest is revalidated. */
const HASHED = /^assets\/.+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

async function fileIn(dir: string, rel: string): Promise<string | undefined> {
  const path = normalize(join(dir, rel));
  if (path !== dir && !path.startsWith(dir.endsWith(sep) ? dir : dir + sep)) return undefined;
  const s = await stat(path).catch(() => undefined);
  return s?.isFile() ? path : undefined;
}

/**
 * The web workspace's build (`dir`, packages/web/dist) at `/`: its files with their content types, hashed
 * assets cached for a year, and index.html for any other path (the app routes in the browser).
 */
export function webAssets(dir: string) {
  const root = normalize(dir);
  return async (c: Context): Promise<Response> => {
    let rel: string;
    try {
      rel = decodeURIComponent(c.req.path).replace(/^\/+/, '');
    } catch {
      return c.text('not a path', 400);
    }
    const found = rel === '' ? undefined : await fileIn(root, rel);
    if (found === undefined && rel.startsWith('assets/')) return c.text('no such asset', 404);
    const path = found ?? (await fileIn(root, 'index.html'));
    if (path === undefined) return c.text('the web workspace is not built (npm run build)', 404);
    const r = found === undefined ? 'index.html' : rel;
    const type = TYPES[extname(path)] ?? 'application/octet-stream';
    const cache = HASHED.test(r) ? 'public, max-age=31536000, immutable' : 'no-cache';
    const body = c.req.method === 'HEAD' ? null : await readFile(path);
    return new Response(body, { status: 200, headers: { 'content-type': type, 'cache-control': cache } });
  };
}
