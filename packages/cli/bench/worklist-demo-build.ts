/**
 * Builds a demo of `--buyers` buyers (and `--invoices` invoices) into the PostgreSQL database DATABASE_URL, for the
 * worklist bench (`worklist-bench.ts`): `npx tsx packages/cli/bench/worklist-demo-build.ts 3000 150000 2026-12-07`.
 */

import { date } from '@credence/core';
import { runDemo } from '@credence/demo';
import { letterMail, loadPolicies, openStoreFrom, writeLetters } from '@credence/runtime';

const [buyers = '3000', invoices = '150000', asOf = '2026-12-07', dir = '/tmp/worklist-demo'] = process.argv.slice(2);
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');
const { limit: limits, ...policies } = await loadPolicies();
const r = await runDemo(
  {
    seed: 42,
    dir,
    asOf: date(asOf),
    size: { buyers: Number(buyers), invoices: Number(invoices) },
    reportingCurrency: 'EUR' as never,
  },
  {
    openStore: () => openStoreFrom({ env: { DATABASE_URL: url } }),
    storeName: 'PostgreSQL',
    policies: { ...policies, limits },
    writeLetters: (d, letters, from) => writeLetters(d, letters, letterMail(), from),
  },
  (s) => console.log(new Date().toISOString(), s.kind, 'ms' in s ? s.ms : ''),
);
console.log(r.ok ? 'built' : r.reason);
