import { addMonths, type BusinessDate, parseDate } from '@credence/core';

export interface BenchArgs {
  readonly invoices: number;
  readonly buyers: number;
  readonly seed: number;
  readonly endDate: BusinessDate;
  readonly asOf: BusinessDate;
  /** The reports are also timed (and checked against DuckDB) as of this date: `asOf` a year back. */
  readonly yearBack: BusinessDate;
  readonly dir: string;
  readonly stores: readonly ('pglite' | 'postgres')[];
  readonly duckdb: boolean;
  readonly runs: number;
  readonly keep: boolean;
  /** Run the reports only, on the databases kept by an earlier `--keep` run (its process id, as in their names). */
  readonly reuse: string | undefined;
  readonly databaseUrl: string | undefined;
}

const USAGE = `npm run bench -- [--invoices N] [--buyers N] [--seed N] [--end YYYY-MM-DD] [--as-of YYYY-MM-DD]
  [--dir .bench] [--store pglite|postgres|all] [--no-duckdb] [--runs 3] [--keep] [--reuse PID]
Env: BENCH_INVOICES, BENCH_BUYERS, DATABASE_URL (PostgreSQL is measured when set).`;

function flag(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const v = argv[i + 1];
  if (v === undefined || v.startsWith('--')) throw new Error(`--${name} needs a value\n${USAGE}`);
  return v;
}

function int(text: string | undefined, fallback: number, name: string): number {
  if (text === undefined) return fallback;
  const n = Number(text.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got ${text}`);
  return n;
}

function day(text: string | undefined, fallback: string, name: string): BusinessDate {
  const r = parseDate(text ?? fallback);
  if (!r.ok) throw new Error(`${name} must be a date YYYY-MM-DD, got ${text}`);
  return r.value;
}

/** The id of a kept run: `.bench/pglite-<id>` and the schema `bench_<id>`. */
function reuseOf(text: string | undefined): string | undefined {
  if (text !== undefined && !/^\d+$/.test(text)) throw new Error(`--reuse needs the number of a kept run, got ${text}`);
  return text;
}

/** Flags win over environment variables; defaults are the full benchmark (1 M invoices, 50 k buyers). */
export function parseBenchArgs(argv: readonly string[], env: NodeJS.ProcessEnv): BenchArgs {
  if (argv.includes('--help')) throw new Error(USAGE);
  const invoices = int(flag(argv, 'invoices') ?? env.BENCH_INVOICES, 1_000_000, 'invoices');
  const buyers = int(flag(argv, 'buyers') ?? env.BENCH_BUYERS, Math.max(10, Math.round(invoices / 20)), 'buyers');
  const endDate = day(flag(argv, 'end'), '2025-06-30', 'end');
  const asOf = day(flag(argv, 'as-of'), endDate, 'as-of');
  const databaseUrl = env.DATABASE_URL || undefined;
  const store = flag(argv, 'store') ?? (databaseUrl ? 'all' : 'pglite');
  if (!['pglite', 'postgres', 'all'].includes(store)) throw new Error(`--store pglite|postgres|all\n${USAGE}`);
  if (store !== 'pglite' && !databaseUrl) throw new Error('--store postgres needs DATABASE_URL');
  return {
    invoices,
    buyers,
    seed: int(flag(argv, 'seed'), 1, 'seed'),
    endDate,
    asOf,
    yearBack: addMonths(asOf, -12),
    dir: flag(argv, 'dir') ?? '.bench',
    stores: store === 'all' ? ['pglite', 'postgres'] : [store as 'pglite' | 'postgres'],
    duckdb: !argv.includes('--no-duckdb'),
    runs: int(flag(argv, 'runs'), 3, 'runs'),
    keep: argv.includes('--keep'),
    reuse: reuseOf(flag(argv, 'reuse')),
    databaseUrl,
  };
}
