// The only way the web workspace talks to Credence: openapi-fetch over the API's own paths and types, generated
// from its OpenAPI document at build time (schema.d.ts, scripts/build-web.mjs).
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];

let token: string | undefined;

/** The bearer token sent with every request (set on sign-in, cleared on sign-out). */
export function setToken(t: string | undefined): void {
  token = t;
}

const auth: Middleware = {
  onRequest({ request }) {
    if (token !== undefined) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: '/api/v1' });
api.use(auth);

/** A problem+json answer, or a network failure, as one line for the page. */
export function problemText(error: unknown): string {
  if (error && typeof error === 'object') {
    const p = error as { title?: unknown; detail?: unknown };
    if (typeof p.detail === 'string') return p.detail;
    if (typeof p.title === 'string') return p.title;
  }
  return error instanceof Error ? error.message : String(error);
}
