import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type ImportKind, rankOverdueBuyers, type Store } from '@credence/app';
import { type BusinessDate, type CurrencyCode, daysBetween, renderTable } from '@credence/core';
import { type PortfolioSize, planPortfolio } from '@credence/demo';
import { openRows } from '@credence/files';
import { openStoreFrom } from '@credence/runtime';
import { creditDemo } from '../demo/credit-demo';
import { dunningDemo } from '../demo/dunning-demo';
import { writePortfolioCsv } from '../demo/write-csv';
import { fmt } from '../format/money';
import { runImport, summaryText } from './import';
import { runReportAging } from './report-aging';
import { runReportKpis } from './report-kpis';

export const DEFAULT_DEMO_DIR = './data/demo';
const MARKER = '.credence-demo';

export interface DemoOptions {
  readonly seed: number;
  readonly size: PortfolioSize;
  readonly dir: string;
  readonly asOf: BusinessDate;
  readonly locale: string;
  readonly reportingCurrency: CurrencyCode;
}

/**
 * Refuses any directory that is not empty and was not made by an earlier demo, so the demo never
 * replaces a user's database; an earlier demo's directory is wiped and made anew.
 */
export function prepareDemoDir(dir: string): { ok: true } | { ok: false; reason: string } {
  const abs = resolve(dir);
  if (existsSync(abs)) {
    if (!statSync(abs).isDirectory())
      return { ok: false, reason: `${abs} is a file, not a directory: choose another --dir` };
    const entries = readdirSync(abs);
    if (entries.length > 0 && !entries.includes(MARKER)) {
      return { ok: false, reason: `${abs} is not empty and was not made by \`credence demo\`: choose another --dir` };
    }
    rmSync(abs, { recursive: true, force: true });
  }
  mkdirSync(abs, { recursive: true });
  writeFileSync(join(abs, MARKER), 'made by credence demo; the whole directory is replaced by the next demo run\n');
  return { ok: true };
}

async function importAll(
  store: Store,
  files: Record<Exclude<ImportKind, 'statements' | 'orders' | 'external-grades'>, string>,
  say: (s: string) => void,
): Promise<void> {
  for (const kind of ['fx-rates', 'buyers', 'invoices', 'payments'] as const) {
    const r = await runImport(store, kind, await openRows(files[kind]), undefined, {});
    if (!r.ok) throw new Error(`demo data rejected: ${JSON.stringify(r.error.errors.slice(0, 3))}`);
    say(`  ${summaryText(r.value)}`);
  }
}

async function topOverdueTable(store: Store, o: DemoOptions): Promise<string> {
  const ranked = await rankOverdueBuyers(store, o.asOf, o.reportingCurrency, 10);
  if (!ranked.ok) return `(ten most overdue buyers unavailable: ${ranked.error.code})`;
  const buyers = new Map((await store.findBuyers(ranked.value.map((r) => r.buyerId))).map((b) => [b.id, b]));
  return renderTable(
    [
      { header: '#', align: 'right' },
      { header: 'Buyer' },
      { header: 'Country' },
      { header: 'Overdue', align: 'right' },
      { header: `≈ ${o.reportingCurrency}`, align: 'right' },
      { header: 'Open', align: 'right' },
      { header: 'Oldest (days)', align: 'right' },
      { header: 'Collector' },
    ],
    ranked.value.map((r, i) => [
      String(i + 1),
      `${r.buyerId} ${r.name}`.slice(0, 44),
      buyers.get(r.buyerId)?.country ?? '',
      `${r.currency} ${fmt(r.overdue, r.currency, o.locale)}`,
      fmt(r.overdueReporting, o.reportingCurrency, o.locale),
      fmt(r.open, r.currency, o.locale),
      String(r.oldestDaysOverdue),
      buyers.get(r.buyerId)?.collector ?? '',
    ]),
  );
}

/** Generates the demo portfolio, imports it through the real import path, and prints the reports. */
export async function runDemo(o: DemoOptions, say: (s: string) => void): Promise<void> {
  const dir = resolve(o.dir);
  const plan = planPortfolio({ seed: o.seed, size: o.size, endDate: o.asOf });
  const started = Date.now();
  const files = writePortfolioCsv(join(dir, 'csv'), plan);
  say(
    `Demo portfolio (seed ${o.seed}) up to ${o.asOf}: ${files.counts.buyers} buyers, ${files.counts.documents} invoices and credit notes, ${files.counts.payments} payments`,
  );
  say(`  CSV files in ${join(dir, 'csv')}; database in ${join(dir, 'db')}`);
  const store = await openStoreFrom({ db: join(dir, 'db'), env: {} });
  try {
    await importAll(
      store,
      { buyers: files.buyers, invoices: files.invoices, payments: files.payments, 'fx-rates': files.fxRates },
      say,
    );
    const credit = await creditDemo(store, plan, o.seed, o.asOf, join(dir, 'csv'), o.locale, say);
    say(`  ready in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    const aging = await runReportAging(store, {
      asOf: o.asOf,
      byBuyer: false,
      format: 'table',
      locale: o.locale,
      reportingCurrency: o.reportingCurrency,
    });
    say(aging.ok ? aging.text : `aging failed: ${aging.error.code}`);
    const kpis = await runReportKpis(store, {
      asOf: o.asOf,
      format: 'table',
      locale: o.locale,
      reportingCurrency: o.reportingCurrency,
      top: 5,
    });
    say(`\n${kpis.ok ? kpis.text : `KPIs failed: ${kpis.error.code}`}`);
    say(`\nTen most overdue buyers as of ${o.asOf} (ranked in ${o.reportingCurrency})`);
    say(await topOverdueTable(store, o));
    say(credit);
    say(await dunningDemo(store, dir, o.asOf, o.reportingCurrency));
    say(`\nExplore it: npx credence report aging --by buyer --as-of ${o.asOf} --db ${o.dir}/db`);
    say(`            npx credence buyer show <ID> --as-of ${o.asOf} --db ${o.dir}/db`);
    say(
      `            npx credence credit check --buyer <ID> --amount 12000.00 --currency EUR --as-of ${o.asOf} --db ${o.dir}/db`,
    );
    say(`            npx credence worklist --as-of ${o.asOf} --company ${o.dir}/company.json --db ${o.dir}/db`);
    say(`            npx credence buyer timeline <ID> --db ${o.dir}/db`);
    say(
      `            npx credence dunning deliver --company ${o.dir}/company.json --outbox ${o.dir}/outbox --db ${o.dir}/db`,
    );
    say(
      `(portfolio period ${plan.startDate} … ${plan.endDate}, ${daysBetween(plan.startDate, plan.endDate) + 1} days)`,
    );
  } finally {
    await store.close();
  }
}
