import { openRuntime, type Runtime, runWorker } from '@credence/runtime';
import type { Command } from 'commander';
import { describeStore, type Io } from '../context';
import { asPositiveInt } from '../options';
import { signalled } from './signalled';

export function registerWorkerCommand(program: Command, io: Io): void {
  program
    .command('worker')
    .description(
      'run only the background worker: the job queue (letter delivery) on the store, beside any number of ' +
        '`credence serve --no-worker` and other workers on one PostgreSQL (docs/scaling.md)',
    )
    .option('--db <dir>', 'embedded database directory (default ./data/credence)')
    .option('--company <file>', 'company settings (default ./company.json or $CREDENCE_COMPANY)')
    .option('--interval <ms>', 'the pause when no job is due', asPositiveInt, 1000)
    .action(async (o: { db?: string; company?: string; interval: number }) => {
      const stop = signalled();
      const stopWorker = new AbortController();
      let runtime: Runtime | undefined;
      let working: Promise<void> | undefined;
      try {
        // The store, the company settings and the rates, wired as `credence serve` wires them.
        runtime = await openRuntime({
          db: o.db,
          env: io.env,
          company: o.company,
          waitSeconds: io.session?.waitSeconds,
          operator: io.session?.operator,
          clock: io.clock,
        });
        const { store, company } = runtime;
        const w = { env: io.env, clock: io.clock, rates: runtime.policies.rates, signal: stopWorker.signal };
        working = runWorker(store, { ...w, ...(company ? { company } : {}), intervalMs: o.interval, log: io.err });
        io.out(`Worker on ${describeStore(o, io.env)}. Stop with Ctrl-C.`);
        const s = await Promise.race([stop.received, working.then(() => undefined)]);
        stopWorker.abort();
        await working;
        if (s !== undefined) io.err(`credence: ${s}: stopped`);
      } finally {
        stopWorker.abort();
        await working?.catch(() => {});
        await runtime?.close();
        stop.dispose();
      }
    });
}
