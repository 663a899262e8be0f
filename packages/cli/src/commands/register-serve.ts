import { findWebBuild, openRuntime, type Runtime, runWorker } from '@credence/runtime';
import type { Command } from 'commander';
import { CliError, describeStore, type Io } from '../context';
import { EXIT } from '../exit-codes';
import { asHost, asPort, asPositiveInt } from '../options';
import { signalled } from './signalled';

export interface ServeOptions {
  port: number;
  host: string;
  db?: string;
  worker: boolean;
  interval: number;
}

export function registerServeCommand(program: Command, io: Io): void {
  program
    .command('serve')
    .description(
      'serve the HTTP API (/api/v1, docs at /api/v1/docs) on the embedded store, or PostgreSQL with DATABASE_URL; ' +
        'runs the background worker too unless --no-worker (docs/scaling.md)',
    )
    .option('--port <port>', 'TCP port (0: any free one)', asPort, 8080)
    .option('--host <host>', 'interface to listen on', asHost, '127.0.0.1')
    .option('--db <dir>', 'embedded database directory (default ./data/credence)')
    .option('--no-worker', 'serve only: leave the job queue to `credence worker` processes')
    .option('--interval <ms>', "the worker's pause when no job is due", asPositiveInt, 1000)
    .action((o: ServeOptions) => serveUntilStopped(io, o));
}

/** A user made to sign in with (the demo's): shown with a link that signs in at once. */
export interface SignInAs {
  readonly user: string;
  readonly role: string;
  readonly token: string;
}

/**
 * `credence serve`: the API, the web workspace and (unless `worker` is false) the worker on one store, until a
 * signal. `env` replaces the process's (the demo serves its own database and company settings); `signIn` makes
 * users on the opened store before it listens, printed with a sign-in link each.
 */
export async function serveUntilStopped(
  io: Io,
  o: ServeOptions & { readonly env?: Io['env']; readonly signIn?: (store: Runtime['store']) => Promise<SignInAs[]> },
): Promise<void> {
  const env = o.env ?? io.env;
  const stop = signalled(); // from the start: a signal while the store opens still stops cleanly
  const stopWorker = new AbortController();
  let runtime: Runtime | undefined;
  let working: Promise<void> | undefined;
  try {
    // The policies, the company settings (optional: without them the worklist, dunning and letter routes say so)
    // and the store, as runtime wires a long-running process.
    runtime = await openRuntime({
      db: o.db,
      env,
      waitSeconds: io.session?.waitSeconds,
      operator: io.session?.operator,
      clock: io.clock,
    });
    const { store, company } = runtime;
    const { limit: limits, ...policies } = runtime.policies;
    const users = (await o.signIn?.(store)) ?? [];
    // Loaded here: the other commands never load Hono.
    const { serve } = await import('@credence/server');
    const web = findWebBuild(env);
    const server = await serve(
      {
        store,
        clock: io.clock,
        policies: { ...policies, limits },
        ...(company ? { company } : {}),
        ...(web ? { web } : {}),
      },
      { port: o.port, host: o.host },
    ).catch((e: unknown) => {
      const why = e instanceof Error ? e.message : String(e);
      throw new CliError(`cannot listen on ${o.host}:${o.port}: ${why}`, EXIT.unavailable);
    });
    io.out(`Credence API on ${server.url}/api/v1 (reference: ${server.url}/api/v1/docs)`);
    io.out(
      web
        ? `Web workspace on ${server.url}/ (sign in with a token of \`credence user add\`)`
        : 'No web workspace: it is not built (npm run build)',
    );
    for (const u of users)
      io.out(`  sign in as ${u.user} (${u.role}): ${server.url}/#token=${u.token}  (token ${u.token})`);
    io.out(`Store: ${describeStore(o, env)}. Stop with Ctrl-C.`);
    if (o.worker) {
      const w = { env, clock: io.clock, rates: policies.rates, signal: stopWorker.signal };
      working = runWorker(store, { ...w, ...(company ? { company } : {}), intervalMs: o.interval, log: io.err })
        // A worker that cannot run (e.g. SMTP settings it cannot use) leaves the API serving.
        .catch((e: unknown) => io.err(`credence: the worker stopped: ${e instanceof Error ? e.message : String(e)}`));
      io.out('Worker: running the job queue (--no-worker to serve only).');
    }
    const s = await stop.received;
    stopWorker.abort();
    await Promise.all([server.close(), working]);
    io.err(`credence: ${s}: stopped`);
  } finally {
    stopWorker.abort();
    await working?.catch(() => {});
    await runtime?.close();
    stop.dispose();
  }
}
