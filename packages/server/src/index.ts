// The public face of @credence/server: the HTTP API of `credence serve` (docs/api.md).
export { type AppEnv, POLICY_CACHE_MS, type Policies, type ServerDeps, TOKEN_CACHE_MS } from './deps';
export type { Principal, Role } from './principal';
export { ROLES } from './principal';
export { PROBLEM_BASE, PROBLEMS } from './problem';
export type { Access, ApiRoute } from './route';
export { ROUTES } from './routes';
export { type RunningServer, type ServeOptions, serve } from './serve';
export { API_BASE, apiDocument, createServer, openApiDocument } from './server';
