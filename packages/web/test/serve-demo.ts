// A real `credence serve` on a demo database, as a user starts it: `credence demo` builds the portfolio, `credence
// user add` makes the users, `serve` runs as a child process on a free port (the built web workspace at /).
// On the embedded store (a PGlite directory) by default; on PostgreSQL in a database of its own, made from
// DATABASE_URL's server for the run and dropped by stop().
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export const TODAY = '2026-06-30';
const BIN = join(import.meta.dirname, '..', '..', 'cli', 'bin', 'credence.js');
export const WEB_BUILD = join(import.meta.dirname, '..', 'dist', 'index.html');

export interface DemoServer {
  /** e.g. http://127.0.0.1:41234 */
  readonly url: string;
  /** A token per user made: `manager` (credit_manager), `collector`, `sales`. */
  readonly tokens: Readonly<Record<'manager' | 'collector' | 'sales', string>>;
  /** The tokens of the `users` asked for, by name. */
  readonly more: Readonly<Record<string, string>>;
  /** A GET of the API with a token, its JSON. */
  get<T>(path: string, token: string): Promise<T>;
  /** A POST of JSON to the API with a token: its status and JSON. */
  post(path: string, body: unknown, token: string): Promise<{ status: number; json: unknown }>;
  stop(): Promise<void>;
}

function credence(args: string[], env: NodeJS.ProcessEnv): string {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`credence ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

export type DemoStore = 'pglite' | 'postgres';

export interface DemoServerOptions {
  /** The embedded store (default) or PostgreSQL at DATABASE_URL's server, in a fresh database of its own. */
  readonly store?: DemoStore;
  /**
   * More users (name → role), made before `serve` starts (an embedded database is one process's while it
   * serves): e.g. a second credit manager, for four eyes. Their tokens are in `more`.
   */
  readonly users?: Readonly<Record<string, string>>;
  /** `credence serve` started on another day than the demo's TODAY (so that a later date's run can be recorded). */
  readonly today?: string;
  /** More of the environment of `credence serve` (e.g. CREDENCE_OUTBOX). */
  readonly env?: NodeJS.ProcessEnv;
}

/** The stores to run a browser test on: PGlite always, PostgreSQL when DATABASE_URL is set or in CI. */
export const demoStores = (): DemoStore[] =>
  process.env.DATABASE_URL || process.env.CI ? ['pglite', 'postgres'] : ['pglite'];

/** Runs one statement on DATABASE_URL's server (create or drop a database). */
async function onServer(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A fresh database on DATABASE_URL's server: its URL and how to drop it. */
async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const server = process.env.DATABASE_URL;
  if (!server) throw new Error('DATABASE_URL is not set: the PostgreSQL browser tests need a server (CI sets it)');
  const name = `credence_web_e2e_${randomBytes(5).toString('hex')}`;
  await onServer(server, `create database ${name}`);
  const u = new URL(server);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: () => onServer(server, `drop database if exists ${name} with (force)`) };
}

export async function startDemoServer(size: string, options: DemoServerOptions = {}): Promise<DemoServer> {
  if (!existsSync(WEB_BUILD)) throw new Error(`${WEB_BUILD} is missing: build the web workspace (npm run build)`);
  const database = options.store === 'postgres' ? await freshDatabase() : undefined;
  const tmp = mkdtempSync(join(tmpdir(), 'credence-web-e2e-'));
  const cleanup = async () => {
    rmSync(tmp, { recursive: true, force: true });
    await database?.drop();
  };
  try {
    return await serveDemo(size, tmp, database?.url, options, cleanup);
  } catch (e) {
    await cleanup();
    throw e;
  }
}

async function serveDemo(
  size: string,
  tmp: string,
  databaseUrl: string | undefined,
  options: DemoServerOptions,
  cleanup: () => Promise<void>,
): Promise<DemoServer> {
  const dir = join(tmp, 'demo');
  // On PostgreSQL every command finds the database by DATABASE_URL (no --db); on PGlite by the directory.
  const db = databaseUrl ? [] : ['--db', join(dir, 'db')];
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl ?? '',
    CREDENCE_TODAY: TODAY,
    CREDENCE_COMPANY: join(dir, 'company.json'),
  };
  const into = databaseUrl ? ['--database-url', databaseUrl] : [];
  credence(['demo', '--size', size, '--dir', dir, '--as-of', TODAY, ...into], env);
  const add = (name: string, role: string) =>
    (
      JSON.parse(credence(['user', 'add', name, '--role', role, '--format', 'json', ...db], env)) as {
        token: string;
      }
    ).token;
  const tokens = {
    manager: add('manager', 'credit_manager'),
    collector: add('collector', 'collector'),
    sales: add('sales', 'sales'),
  };
  const more = Object.fromEntries(Object.entries(options.users ?? {}).map(([name, role]) => [name, add(name, role)]));
  const proc: ChildProcess = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...db], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...env, ...options.env, CREDENCE_TODAY: options.today ?? TODAY },
  });
  let out = '';
  let err = '';
  proc.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const exited = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
  const url = await new Promise<string>((resolve, reject) => {
    proc.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Web workspace on (http:\/\/\S+)\//.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    void exited.then((code) => reject(new Error(`serve exited ${code}: ${out}\n${err}`)));
  });
  const call = (path: string, token: string, init: RequestInit = {}) =>
    fetch(`${url}/api/v1${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    });
  return {
    url,
    tokens,
    more,
    get: async <T>(path: string, token: string) => {
      const res = await call(path, token);
      if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    },
    post: async (path, body, token) => {
      const res = await call(path, token, { method: 'POST', body: JSON.stringify(body) });
      return { status: res.status, json: await res.json() };
    },
    stop: async () => {
      proc.kill('SIGTERM');
      await exited;
      await cleanup();
    },
  };
}
