// The payment-date backtest on the public IBM accounts-receivable sample (issue 17), when it is present
// (never committed: it is read from ../shared/data/ibm-ar or --file). Imports it through the shipped mapping
// files (docs/examples/ibm-ar, with Disputed and PaperlessBill), then runs `credence forecast backtest`.
// npm run bench:forecast -- [--file F] [--train-until 2012-12-31] [--to 2013-06-30]
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { date } from '@credence/core';
import type { Io } from '../src/context';
import { main } from '../src/main';

const arg = (name: string, fallback?: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : (process.argv[i + 1] ?? fallback);
};
const root = resolve(import.meta.dirname, '..', '..', '..');
const candidates = [
  arg('file'),
  process.env.CREDENCE_IBM_AR,
  join(root, '..', 'shared', 'data', 'ibm-ar', 'train-2012-01-to-2013-06.csv'),
  join(root, '..', '..', 'shared', 'data', 'ibm-ar', 'train-2012-01-to-2013-06.csv'),
].filter((f): f is string => f !== undefined);
const file = candidates.find((f) => existsSync(f));
const maps = join(root, 'docs', 'examples', 'ibm-ar');

async function run(args: readonly string[]): Promise<string> {
  let out = '';
  let err = '';
  const io: Io = {
    out: (s) => {
      out += `${s}\n`;
    },
    err: (s) => {
      err += `${s}\n`;
    },
    clock: { today: () => date('2026-01-01'), now: () => new Date() },
    env: {},
    isTty: false,
  };
  const code = await main(['node', 'credence', ...args], io);
  if (code !== 0) throw new Error(`credence ${args.join(' ')}: exit ${code}\n${err}`);
  return out;
}

async function bench() {
  if (file === undefined) {
    process.stdout.write('IBM accounts-receivable sample not found (../shared/data/ibm-ar or --file): nothing to do\n');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'credence-forecast-'));
  const db = join(dir, 'db');
  try {
    for (const kind of ['buyers', 'invoices', 'payments'])
      await run(['import', kind, file, '--map', join(maps, `${kind}.map.json`), '--db', db]);
    const trainUntil = arg('train-until', '2012-12-31') as string;
    const to = arg('to');
    const started = performance.now();
    const json = await run([
      'forecast',
      'backtest',
      '--train-until',
      trainUntil,
      ...(to === undefined ? [] : ['--to', to]),
      '--format',
      'json',
      '--db',
      db,
    ]);
    const ms = performance.now() - started;
    const r = JSON.parse(json) as { invoices: unknown[]; rmseDays: number; lateAccuracy: number };
    process.stdout.write(
      `${JSON.stringify({ file, trainUntil, to: to ?? null, invoices: r.invoices.length, rmseDays: r.rmseDays, lateAccuracy: r.lateAccuracy, seconds: Math.round(ms) / 1000 })}\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await bench();
