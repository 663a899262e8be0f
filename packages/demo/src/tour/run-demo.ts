import { join, resolve } from 'node:path';
import {
  type AgingResult,
  type GradeContext,
  type ImportSummary,
  importRows,
  type KpiResult,
  type RankedOverdueBuyer,
  type RecordedLetter,
  rankOverdueBuyers,
  reportAging,
  reportKpis,
  type Store,
} from '@credence/app';
import type {
  BusinessDate,
  Buyer,
  CheckPolicy,
  CurrencyCode,
  DunningPolicy,
  LimitPolicy,
  RateTables,
  Result,
} from '@credence/core';
import { openRows } from '@credence/files';
import { type PortfolioPlan, type PortfolioSize, planPortfolio } from '../portfolio';
import { cashTour } from './cash-tour';
import { type CollectionsTour, collectionsTour } from './collections-tour';
import { type CreditTour, creditTour } from './credit-tour';
import { prepareDemoDir } from './demo-dir';
import { type InsuranceTour, insuranceTour } from './insurance-tour';
import { type PortfolioFiles, writePortfolioCsv } from './write-csv';

export interface DemoOptions {
  readonly seed: number;
  readonly size: PortfolioSize;
  readonly dir: string;
  readonly asOf: BusinessDate;
  readonly reportingCurrency: CurrencyCode;
}

/** What the demo is run with: the store it opens, the policies, and how letters are written (the composition root's). */
export interface DemoPorts {
  /** Opens (creating) the demo's database: the embedded one in `<dir>/db`, or the PostgreSQL database given. */
  readonly openStore: (dir: string) => Promise<Store>;
  /** Where the data lives when it is not `<dir>/db` (e.g. "PostgreSQL (--database-url)"). */
  readonly storeName?: string;
  readonly policies: {
    readonly grading: GradeContext;
    readonly limits: LimitPolicy;
    readonly check: CheckPolicy;
    readonly dunning: DunningPolicy;
    readonly rates: RateTables;
  };
  /** The alert rules the demo runs for its date (default: the rules' defaults). */
  readonly alertRules?: import('@credence/core/monitoring').AlertPolicy;
  /** Writes letters to a directory as PDF, HTML and .eml. */
  readonly writeLetters: (dir: string, letters: readonly RecordedLetter[], from?: string) => Promise<void>;
}

/** What the demo has done so far, as it goes (a long demo shows its progress). */
export type DemoStep =
  | { readonly kind: 'portfolio'; readonly files: PortfolioFiles; readonly csvDir: string; readonly dbDir: string }
  | { readonly kind: 'imported'; readonly summary: ImportSummary }
  /**
   * A long step begins (a large demo spends minutes in each): grading every buyer and setting its limit, the weeks of
   * dunning history and the day's work; `ms` since the demo started.
   */
  | { readonly kind: 'working'; readonly on: 'credit' | 'collections'; readonly buyers: number; readonly ms: number }
  | { readonly kind: 'ready'; readonly ms: number };

export interface DemoResult {
  readonly plan: Pick<PortfolioPlan, 'startDate' | 'endDate'>;
  readonly aging: Result<AgingResult>;
  readonly kpis: Result<KpiResult>;
  /** The ten most overdue buyers (ranked in the reporting currency), with their master data. */
  readonly overdue: Result<readonly (RankedOverdueBuyer & { readonly buyer: Buyer | undefined })[]>;
  readonly credit: CreditTour;
  readonly collections: CollectionsTour;
  /** Today's alerts (`alerts run` as of the demo's date). */
  readonly alerts: import('@credence/app/monitoring').AlertRunSummary;
  /** The day's bank statement, imported and matched (undefined: no buyer in the reporting currency). */
  readonly cash?: Awaited<ReturnType<typeof cashTour>>;
  /** The credit insurance policy, its insured buyers, the reduced limit, the buyer past its MEP and the open claim. */
  readonly insurance?: InsuranceTour;
}

async function importAll(store: Store, files: PortfolioFiles, step: (s: DemoStep) => void): Promise<void> {
  const paths = { 'fx-rates': files.fxRates, buyers: files.buyers, invoices: files.invoices, payments: files.payments };
  for (const kind of ['fx-rates', 'buyers', 'invoices', 'payments'] as const) {
    const r = await importRows(store, kind, await openRows(paths[kind]), undefined, {});
    if (!r.ok) throw new Error(`demo data rejected: ${JSON.stringify(r.error.errors.slice(0, 3))}`);
    step({ kind: 'imported', summary: r.value });
  }
}

async function mostOverdue(store: Store, o: DemoOptions): Promise<DemoResult['overdue']> {
  const ranked = await rankOverdueBuyers(store, o.asOf, o.reportingCurrency, 10);
  if (!ranked.ok) return ranked;
  const buyers = new Map((await store.findBuyers(ranked.value.map((r) => r.buyerId))).map((b) => [b.id, b]));
  return { ok: true, value: ranked.value.map((r) => ({ ...r, buyer: buyers.get(r.buyerId) })) };
}

/**
 * `credence demo`: a deterministic portfolio written as the canonical CSV files in `<dir>/csv` and imported through
 * the real import path into a database of its own (`<dir>/db`), financial statements, grades and limits, fourteen
 * weeks of dunning and the day's run, the collector's worklist; returns the reports the demo shows. Refuses a
 * directory that is not empty and was not made by an earlier demo (`prepareDemoDir`).
 */
/** Monitoring as of the demo's date (loaded here only: the rules are a Zod schema, the CLI starts without zod). */
async function todaysAlerts(
  store: Store,
  asOf: DemoOptions['asOf'],
  rules: import('@credence/core/monitoring').AlertPolicy | undefined,
): Promise<import('@credence/app/monitoring').AlertRunSummary> {
  const { runAlerts } = await import('@credence/app/monitoring');
  const { parseAlertPolicy } = await import('@credence/core/monitoring');
  const defaults = parseAlertPolicy({ id: 'default' });
  if (!defaults.ok) throw new Error('the default alert rules do not parse');
  const r = await runAlerts(store, { asOf, policy: rules ?? defaults.value });
  if (!r.ok) throw new Error(`demo alerts: ${JSON.stringify(r.error)}`);
  return r.value;
}

export async function runDemo(
  o: DemoOptions,
  ports: DemoPorts,
  step: (s: DemoStep) => void,
): Promise<{ ok: true; value: DemoResult } | { ok: false; reason: string }> {
  const prepared = prepareDemoDir(o.dir);
  if (!prepared.ok) return prepared;
  const dir = resolve(o.dir);
  const dbDir = ports.storeName ?? join(dir, 'db');
  const started = Date.now();
  const store = await ports.openStore(join(dir, 'db'));
  try {
    // A database named by the caller (PostgreSQL) is never written over: the demo builds only into an empty one.
    const held = await store.counts();
    if (held.buyers + held.documents + held.payments > 0)
      return { ok: false, reason: `${dbDir} already holds ${held.buyers} buyers: the demo needs an empty database` };
    const plan = planPortfolio({ seed: o.seed, size: o.size, endDate: o.asOf });
    const csvDir = join(dir, 'csv');
    const files = writePortfolioCsv(csvDir, plan);
    step({ kind: 'portfolio', files, csvDir, dbDir });
    const p = ports.policies;
    await importAll(store, files, step);
    step({ kind: 'working', on: 'credit', buyers: plan.buyers.length, ms: Date.now() - started });
    const credit = await creditTour(store, { plan, seed: o.seed, asOf: o.asOf, csvDir, ...p });
    step({ kind: 'imported', summary: credit.statements });
    step({ kind: 'ready', ms: Date.now() - started });
    const currency = o.reportingCurrency;
    const aging = await reportAging(store, {
      asOf: o.asOf,
      byBuyer: false,
      withBuyerNames: true,
      reportingCurrency: currency,
    });
    const kpis = await reportKpis(store, { asOf: o.asOf, reportingCurrency: currency, withBuyerNames: true });
    const overdue = await mostOverdue(store, o);
    // Before the day's worklist: the insurance deadlines are among its tasks.
    const insurance = await insuranceTour(store, { asOf: o.asOf, startDate: plan.startDate, currency });
    step({ kind: 'working', on: 'collections', buyers: plan.buyers.length, ms: Date.now() - started });
    const collections = await collectionsTour(store, {
      dir,
      asOf: o.asOf,
      currency,
      policy: p.dunning,
      rates: p.rates,
      basePd: p.grading.policy.basePd,
      writeLetters: ports.writeLetters,
    });
    // After the day's dunning: the day's statement, so the review queue and on-account cash have content; then
    // today's alerts, on the ledger with the statement applied.
    const cash = await cashTour(store, { asOf: o.asOf, currency });
    const alerts = await todaysAlerts(store, o.asOf, ports.alertRules);
    const result = { plan: { startDate: plan.startDate, endDate: plan.endDate }, aging, kpis, overdue, credit };
    const more = { ...(cash === undefined ? {} : { cash }), ...(insurance === undefined ? {} : { insurance }) };
    return { ok: true, value: { ...result, collections, alerts, ...more } };
  } finally {
    await store.close();
  }
}
