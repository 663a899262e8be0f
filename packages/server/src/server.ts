import { type PrincipalCache, principalCache } from '@credence/app';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { type AppEnv, type ServerDeps, TOKEN_CACHE_MS } from './deps';
import { referencePage } from './docs-page';
import { problemResponse } from './problem';
import { ROUTES } from './routes';
import { MAX_UPLOAD_BYTES } from './routes/imports';
import { validationProblem } from './validation';
import { webAssets } from './web-assets';

export const API_BASE = '/api/v1';

/** The largest JSON body a route reads (file uploads have their own limit, MAX_UPLOAD_BYTES). */
export const MAX_BODY_BYTES = 1024 * 1024;

export const OPENAPI_INFO = {
  openapi: '3.1.0',
  info: {
    title: 'Credence API',
    version: '1.0.0',
    description:
      'Trade credit and receivables risk over HTTP. Money is `{ "amount": "1234.50", "currency": "EUR" }` (exact ' +
      'decimal strings), dates are `YYYY-MM-DD`, errors are RFC 9457 problem+json. Authenticate with ' +
      '`Authorization: Bearer TOKEN`.',
  },
  servers: [{ url: API_BASE }],
} as const;

/**
 * Hono's `bodyLimit`, without its cost where it decides by a header: it reads `c.req.raw.body`, which makes
 * @hono/node-server build a web `Request` and stream the body through web streams (a fifth of a credit check's
 * CPU time, issue 12). A GET or HEAD has no body; a body with `Content-Length` and no `Transfer-Encoding` is
 * judged by that header as `bodyLimit` does (Node's parser reads exactly that many bytes), and is then read by
 * node-server's fast path. Only a chunked body goes through `bodyLimit`, which counts the bytes as they come.
 */
function sizeLimit(maxSize: number, onError: () => Response): MiddlewareHandler<AppEnv> {
  const streamed = bodyLimit({ maxSize, onError });
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length === undefined || c.req.header('transfer-encoding') !== undefined) return streamed(c, next);
    return Number.parseInt(length, 10) > maxSize ? onError() : next();
  };
}

/** The API as a Hono app: `app.request(...)` serves it in process, `serve()` on a socket. */
export function createServer(deps: ServerDeps): OpenAPIHono<AppEnv> {
  const api = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => (result.success ? undefined : validationProblem(result)),
  });
  const tokens: PrincipalCache = deps.authenticate
    ? { authenticate: deps.authenticate, clear: () => {} }
    : principalCache(deps.store, { ttlMs: deps.tokenCacheMs ?? TOKEN_CACHE_MS });
  api.use(async (c, next) => {
    c.set('deps', deps);
    c.set('tokens', tokens);
    await next();
  });
  const jsonLimit = sizeLimit(MAX_BODY_BYTES, () =>
    problemResponse('too-large', `a request body is at most ${MAX_BODY_BYTES} bytes`),
  );
  const uploadLimit = sizeLimit(MAX_UPLOAD_BYTES, () =>
    problemResponse('too-large', `an uploaded file is at most ${MAX_UPLOAD_BYTES} bytes; use \`credence import\``),
  );
  const upload = (path: string) => path.startsWith(`${API_BASE}/imports/`) || path === `${API_BASE}/bank-statements`;
  api.use((c, next) => (upload(c.req.path) ? uploadLimit(c, next) : jsonLimit(c, next)));
  registerRoutes(api);
  api.get('/openapi.json', (c) => c.json(openApiDocument(api)));
  api.get('/docs', (c) => c.html(referencePage(openApiDocument(api))));
  api.notFound((c) => problemResponse('not-found', `no route ${c.req.method} ${c.req.path}`));
  api.onError((e) => {
    if (e instanceof HTTPException && e.status < 500) return problemResponse('malformed-request', e.message);
    console.error(e);
    return problemResponse('internal', 'the server failed; the error is logged');
  });
  const app = new OpenAPIHono<AppEnv>();
  app.route(API_BASE, api);
  if (deps.web !== undefined) {
    const assets = webAssets(deps.web);
    app.on(['GET', 'HEAD'], '*', (c) => (c.req.path.startsWith('/api/') ? notFound(c) : assets(c)));
  }
  app.notFound(notFound);
  return app;
}

const notFound = (c: Context) => problemResponse('not-found', `no route ${c.req.method} ${c.req.path}`);

/** The security scheme and every route of the table. */
function registerRoutes(api: OpenAPIHono<AppEnv>): void {
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'an API token (`credence user add NAME --role ROLE`)',
  });
  for (const r of ROUTES) r.register(api);
}

/**
 * The OpenAPI document without a store or a socket: the routes' schemas only (scripts/build.mjs generates the
 * web workspace's typed client from it). The same document as `GET /api/v1/openapi.json`.
 */
export function apiDocument() {
  const api = new OpenAPIHono<AppEnv>();
  registerRoutes(api);
  return openApiDocument(api);
}

/** The OpenAPI 3.1 document generated from the route schemas. */
export function openApiDocument(api: OpenAPIHono<AppEnv>) {
  return api.getOpenAPI31Document(OPENAPI_INFO as never);
}
