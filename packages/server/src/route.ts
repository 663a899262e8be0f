import { actorOf, type Store } from '@credence/app';
import type { OpenAPIHono, RouteConfig, RouteHandler } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { authorize } from './auth';
import type { AppEnv } from './deps';
import { policiesInForce } from './policies-in-force';
import type { Principal, Role } from './principal';
import { PROBLEMS, Problem, type ProblemSlug } from './problem';

/** Who may call a route: the roles it allows, or `public` (health, the API document) — always a decision. */
export type Access = readonly Role[] | 'public';

/** One row of the route table: the OpenAPI route (schemas, responses) and the roles it allows. */
export interface ApiRoute {
  readonly config: RouteConfig & { readonly operationId: string };
  readonly access: Access;
  register(app: OpenAPIHono<AppEnv>): void;
}

/**
 * A route of the table. The handler returns a Response: its body is checked against the declared schema by
 * the contract test (packages/server/test/contract.test.ts), and its problems are `problemResponse`s.
 */
export function defineRoute<R extends RouteConfig & { operationId: string }>(
  access: Access,
  config: R,
  handler: (c: Parameters<RouteHandler<R, AppEnv>>[0]) => Promise<Response>,
): ApiRoute {
  const secured = access === 'public' ? config : { ...config, security: [{ bearer: [] }], 'x-roles': [...access] };
  return {
    config: secured,
    access,
    // A secured route sees the policies in force (stored versions over the files); a public one needs none.
    register: (app) =>
      app.openapi(
        {
          ...secured,
          middleware: access === 'public' ? [authorize(access)] : [authorize(access), policiesInForce],
        } as R,
        handler as never,
      ),
  };
}

/** The problem responses a route declares, by slug (their status from `PROBLEMS`). */
export function problems(...slugs: ProblemSlug[]): RouteConfig['responses'] {
  const titles = new Map<number, string[]>();
  for (const s of slugs) titles.set(PROBLEMS[s].status, [...(titles.get(PROBLEMS[s].status) ?? []), PROBLEMS[s].title]);
  const out: RouteConfig['responses'] = {};
  for (const [status, t] of titles)
    out[status] = { description: t.join('; '), content: { 'application/problem+json': { schema: Problem } } };
  return out;
}

/** The problems every secured route can answer with, besides its own. */
export const SECURED = ['validation', 'unauthenticated', 'forbidden', 'internal'] as const satisfies ProblemSlug[];

/** The problems of a route that reads a JSON body, besides SECURED. */
export const WITH_BODY = ['malformed-request', 'too-large'] as const satisfies ProblemSlug[];

export const json = <T>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** The store for this request's writes: attributed to the principal, from the API and its token. */
/** The principal of a secured route (the auth middleware ran before it). */
function principalOf(c: Context<AppEnv>): Principal {
  const p = c.var.principal;
  if (p === undefined) throw new Error('a write on a public route');
  return p;
}

/** The store, recording writes for the request's principal. */
export function writer(c: Context<AppEnv>): Store {
  return c.var.deps.store.withActor(actorOf(principalOf(c)));
}

/** Who a decision is recorded for: the request's user. */
export const userOf = (c: Context<AppEnv>): string => principalOf(c).user;

/** The request's role (after the auth middleware). */
export const roleOf = (c: Context<AppEnv>): Role => principalOf(c).role;
