import type { Command } from 'commander';
import { type Io, describeStore, withStore } from '../context';

export function registerSetupCommands(program: Command, io: Io, state: { exitCode: number }): void {
  program
    .command('init')
    .description('create (or upgrade) the database: embedded in --db DIR, or PostgreSQL when DATABASE_URL is set')
    .option('--db <dir>', 'embedded database directory (default ./data/credence)')
    .action(async (o) => {
      const counts = await withStore(o, io, (s) => s.counts());
      io.out(`Database ready at ${describeStore(o, io.env)}: ${counts.buyers} buyers, ${counts.documents} documents, ${counts.payments} payments.`);
      state.exitCode = 0;
    });
}
