import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './deps';
import { problemResponse } from './problem';
import type { Access } from './route';

const BEARER = /^Bearer[ \t]+([A-Za-z0-9._~+/=-]+)[ \t]*$/i;

/**
 * The guard of one route: `Authorization: Bearer TOKEN` → the principal (401 without a token or with an
 * unknown one), then its role against the route's (403). Public routes pass as they are.
 */
export function authorize(access: Access): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('principal', undefined);
    if (access === 'public') return next();
    const header = c.req.header('authorization');
    if (header === undefined) return problemResponse('unauthenticated', 'send Authorization: Bearer TOKEN');
    const token = BEARER.exec(header)?.[1];
    const principal = token === undefined ? undefined : await c.var.tokens.authenticate(token);
    if (principal === undefined) return problemResponse('unauthenticated', 'the token is unknown or revoked');
    if (!access.includes(principal.role))
      return problemResponse('forbidden', `the role ${principal.role} may not ${c.req.method} ${c.req.routePath}`, {
        params: { role: principal.role, allowed: access.join(',') },
      });
    c.set('principal', principal);
    return next();
  };
}
