import type { KpiResult } from '@credence/app';
import { type CurrencyCode, daysBetween, renderTable } from '@credence/core';
import { type CreditTour, type DemoResult, type DemoStep, HISTORY_WEEKS } from '@credence/demo';
import { fmt } from '../format/money';
import { collectionsText } from './demo-collections';
import { summaryText } from './import';
import { matchText } from './register-cash-application';
import { agingText } from './report-aging';
import { kpisText } from './report-kpis';

export const DEFAULT_DEMO_DIR = './data/demo';

export interface DemoPrint {
  readonly seed: number;
  readonly dir: string;
  readonly asOf: string;
  readonly locale: string;
  readonly reportingCurrency: CurrencyCode;
  /** Built into PostgreSQL (`--database-url`) rather than `<dir>/db`. */
  readonly postgres?: boolean;
}

/** A step of the demo as it goes: the portfolio written, each file imported, the data ready. */
export function demoStepText(s: DemoStep, o: DemoPrint): string {
  if (s.kind === 'portfolio')
    return [
      `Demo portfolio (seed ${o.seed}) up to ${o.asOf}: ${s.files.counts.buyers} buyers, ${s.files.counts.documents} invoices and credit notes, ${s.files.counts.payments} payments`,
      `  CSV files in ${s.csvDir}; database in ${s.dbDir}`,
    ].join('\n');
  if (s.kind === 'imported') return `  ${summaryText(s.summary)}`;
  if (s.kind === 'working') {
    const at = `(${(s.ms / 1000).toFixed(1)} s)`;
    return s.on === 'credit'
      ? `  Grading ${s.buyers} buyers, setting their limits and checking their exposure … ${at}`
      : `  Dunning history: ${HISTORY_WEEKS} weekly runs, then the day's run, the worklist, a bank statement and today's alerts … ${at}`;
  }
  return `  ready in ${(s.ms / 1000).toFixed(1)} s\n`;
}

function topOverdueTable(r: DemoResult['overdue'], o: DemoPrint): string {
  if (!r.ok) return `(ten most overdue buyers unavailable: ${r.error.code})`;
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
    r.value.map((x, i) => [
      String(i + 1),
      `${x.buyerId} ${x.name}`.slice(0, 44),
      x.buyer?.country ?? '',
      `${x.currency} ${fmt(x.overdue, x.currency, o.locale)}`,
      fmt(x.overdueReporting, o.reportingCurrency, o.locale),
      fmt(x.open, x.currency, o.locale),
      String(x.oldestDaysOverdue),
      x.buyer?.collector ?? '',
    ]),
  );
}

/** The grade distribution and the buyers furthest over their limit. */
function creditText(c: CreditTour, asOf: string, locale: string): string {
  const { grades, over } = c;
  const prepay = over.filter((x) => x.limit === 0n).length;
  return [
    `\nRisk grades as of ${asOf} (credence grade run; limits set at the recommended amount on ${c.limitFrom})`,
    renderTable(
      [{ header: 'Grade', align: 'right' }, { header: 'Buyers', align: 'right' }, { header: '' }],
      grades.byGrade.map((n, i) => [
        String(i + 1),
        String(n),
        '█'.repeat(Math.ceil((n / Math.max(1, grades.graded)) * 40)),
      ]),
    ),
    `\nBuyers over their limit as of ${asOf}: ${over.length}, of which ${prepay} with no credit (limit 0: cash in advance); the ten furthest over`,
    renderTable(
      [
        { header: 'Buyer' },
        { header: 'Grade', align: 'right' },
        { header: 'Limit', align: 'right' },
        { header: 'Exposure', align: 'right' },
        { header: 'Over by', align: 'right' },
      ],
      over
        .slice(0, 10)
        .map((x) => [
          `${x.buyerId} ${x.name}`.slice(0, 44),
          x.grade === undefined ? '-' : String(x.grade),
          x.limit === 0n ? `${x.currency} 0 (prepay)` : `${x.currency} ${fmt(x.limit, x.currency, locale)}`,
          fmt(x.exposure, x.currency, locale),
          fmt(x.exposure - x.limit, x.currency, locale),
        ]),
    ),
  ].join('\n');
}

/** Today's alerts: counts by severity and state, and the critical ones first (ten). */
function alertsText(a: DemoResult['alerts'], asOf: string): string {
  const s = a.openedBySeverity;
  const rank = { critical: 0, warning: 1, info: 2 } as const;
  const top = [...a.alerts]
    .sort((x, y) => rank[x.severity] - rank[y.severity] || (x.key < y.key ? -1 : 1))
    .slice(0, 10);
  return [
    `\nToday's alerts as of ${asOf} (credence alerts run): ${a.alerts.length} open — ${s.critical} critical, ${s.warning} warning, ${s.info} info opened; ${a.holdsSet.length} buyers put on credit hold`,
    renderTable(
      [{ header: 'Severity' }, { header: 'Alert' }, { header: 'Figures' }],
      top.map((x) => [
        x.severity,
        x.key,
        Object.entries(x.figures)
          .map(([k, v]) => `${k}=${v}`)
          .join(' ')
          .slice(0, 70),
      ]),
    ),
  ].join('\n');
}

const kpisOf = (k: DemoResult['kpis'], locale: string): string =>
  k.ok ? kpisText(k.value as KpiResult, 'table', locale, 5) : `KPIs failed: ${k.error.code}`;

/** The demo's reports, after its steps: aging, KPIs, the most overdue, credit, collections, what to try next. */
export function demoText(r: DemoResult, o: DemoPrint): string[] {
  const { asOf, dir } = o;
  const db = o.postgres ? '' : ` --db ${dir}/db`;
  return [
    r.aging.ok ? agingText(r.aging.value, 'table', o.locale) : `aging failed: ${r.aging.error.code}`,
    `\n${kpisOf(r.kpis, o.locale)}`,
    `\nTen most overdue buyers as of ${asOf} (ranked in ${o.reportingCurrency})`,
    topOverdueTable(r.overdue, o),
    creditText(r.credit, asOf, o.locale),
    collectionsText(r.collections, asOf, o.reportingCurrency),
    ...(r.cash === undefined ? [] : [`\nThe day's bank statement: ${matchText(r.cash)}`]),
    ...insuranceText(r.insurance),
    alertsText(r.alerts, asOf),
    `\nExplore it${o.postgres ? ' (with DATABASE_URL set to the demo database)' : ''}: npx credence report aging --by buyer --as-of ${asOf}${db}`,
    `            npx credence buyer show <ID> --as-of ${asOf}${db}`,
    `            npx credence credit check --buyer <ID> --amount 12000.00 --currency EUR --as-of ${asOf}${db}`,
    `            npx credence worklist --as-of ${asOf} --company ${dir}/company.json${db}`,
    `            npx credence buyer timeline <ID>${db}`,
    `            npx credence alerts list${db}`,
    `            npx credence cash review list${db}`,
    `            npx credence insurance deadlines --as-of ${asOf}${db}`,
    `            npx credence forecast cash --as-of ${asOf} --currency ${o.reportingCurrency}${db}`,
    `            npx credence dunning deliver --company ${dir}/company.json --outbox ${dir}/outbox${db}`,
    `(portfolio period ${r.plan.startDate} … ${r.plan.endDate}, ${daysBetween(r.plan.startDate, r.plan.endDate) + 1} days)`,
  ];
}

/** The demo's credit insurance in a few lines. */
function insuranceText(i: DemoResult['insurance']): string[] {
  if (i === undefined) return [];
  return [
    `\nCredit insurance: policy ${i.policyNumber}, insured limits for ${i.insured.length} buyers` +
      (i.reduced !== undefined ? `; limit of ${i.reduced} reduced` : '') +
      (i.pastMep !== undefined ? `; ${i.pastMep} past its MEP` : '') +
      (i.claim !== undefined ? `; claim open for ${i.claim}` : ''),
  ];
}
