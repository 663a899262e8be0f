import {
  findCompany,
  findWebBuild,
  gradeContext,
  readCheckPolicy,
  readDunningPolicy,
  readLimitPolicy,
  readRates,
} from '@credence/runtime';
import type { Command } from 'commander';
import { CliError, describeStore, type Io, openFromOptions } from '../context';
import { EXIT } from '../exit-codes';
import { asHost, asPort } from '../options';

/**
 * The first SIGINT or SIGTERM (then the server stops cleanly). The listeners stay until `dispose`, after the
 * store is closed: while one listens, the embedded store's lock hook does not re-raise the signal.
 */
function signalled(): { readonly received: Promise<NodeJS.Signals>; dispose(): void } {
  let on: (s: NodeJS.Signals) => void = () => {};
  const received = new Promise<NodeJS.Signals>((resolve) => {
    on = resolve;
  });
  process.on('SIGINT', on);
  process.on('SIGTERM', on);
  return {
    received,
    dispose: () => {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
    },
  };
}

export function registerServeCommand(program: Command, io: Io): void {
  program
    .command('serve')
    .description(
      'serve the HTTP API (/api/v1, docs at /api/v1/docs) on the embedded store, or PostgreSQL with DATABASE_URL',
    )
    .option('--port <port>', 'TCP port (0: any free one)', asPort, 8080)
    .option('--host <host>', 'interface to listen on', asHost, '127.0.0.1')
    .option('--db <dir>', 'embedded database directory (default ./data/credence)')
    .action(async (o: { port: number; host: string; db?: string }) => {
      const stop = signalled(); // from the start: a signal while the store opens still stops cleanly
      let store: Awaited<ReturnType<typeof openFromOptions>> | undefined;
      try {
        // The company settings are optional: without them the worklist, dunning and letter routes say so.
        const [grading, limits, check, rates, dunning, company] = await Promise.all([
          gradeContext(),
          readLimitPolicy(),
          readCheckPolicy(),
          readRates(),
          readDunningPolicy(),
          findCompany(undefined, io.env),
        ]);
        store = await openFromOptions(o, io.env, true, io.session, () => io.clock.now());
        // Loaded here: the other commands never load Hono.
        const { serve } = await import('@credence/server');
        const web = findWebBuild(io.env);
        const server = await serve(
          {
            store,
            clock: io.clock,
            policies: { grading, limits, check, rates, dunning },
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
        io.out(`Store: ${describeStore(o, io.env)}. Stop with Ctrl-C.`);
        const s = await stop.received;
        await server.close();
        io.err(`credence: ${s}: stopped`);
      } finally {
        await store?.close();
        stop.dispose();
      }
    });
}
