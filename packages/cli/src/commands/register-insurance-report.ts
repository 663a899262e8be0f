import type { Failure } from '@credence/core';
import { type CurrencyCode, renderTable } from '@credence/core';
import type { MonthlyDeclaration } from '@credence/core/insurance-rules';
import type { Command } from 'commander';
import { type Io, withExistingStore } from '../context';
import { dec } from '../format/money';
import { asDate, asFormat, asIdentifier } from '../options';
import { emit } from './register-report';

type Out = { ok: true; text: string } | { ok: false; error: Failure };

const CSV_HEADER =
  'section,policy,month,buyer,country,invoices,amount,invoice,invoice_date,original_due_date,days_overdue,currency';

/** The declaration as one CSV: a `turnover` row per buyer, a `country` row per country, an `overdue` row per invoice. */
export function declarationCsv(r: MonthlyDeclaration): string {
  const m = (x: bigint) => dec(x, r.currency as CurrencyCode);
  const row = (cells: readonly (string | number)[]) => cells.map(String).join(',');
  return [
    CSV_HEADER,
    ...r.turnover.map((t) =>
      row([
        'turnover',
        r.policyNumber,
        r.month,
        t.buyerId,
        t.country,
        t.invoices,
        m(t.amount),
        '',
        '',
        '',
        '',
        r.currency,
      ]),
    ),
    ...r.byCountry.map((c) =>
      row(['country', r.policyNumber, r.month, '', c.country, c.invoices, m(c.amount), '', '', '', '', r.currency]),
    ),
    ...r.overdue.flatMap((o) =>
      o.invoices.map((i) =>
        row([
          'overdue',
          r.policyNumber,
          r.month,
          o.buyerId,
          o.country,
          1,
          m(i.open),
          i.invoiceId,
          i.invoiceDate,
          i.originalDueDate,
          i.daysOverdue,
          r.currency,
        ]),
      ),
    ),
  ].join('\n');
}

/** The declaration as JSON: amounts as decimals in the policy's currency. */
export function declarationJson(r: MonthlyDeclaration): unknown {
  const m = (x: bigint) => dec(x, r.currency as CurrencyCode);
  return {
    policyNumber: r.policyNumber,
    currency: r.currency,
    month: r.month,
    from: r.from,
    asOf: r.asOf,
    turnover: r.turnover.map((t) => ({ ...t, amount: m(t.amount) })),
    byCountry: r.byCountry.map((c) => ({ ...c, amount: m(c.amount) })),
    totalTurnover: m(r.totalTurnover),
    overdue: r.overdue.map((o) => ({
      ...o,
      open: m(o.open),
      invoices: o.invoices.map((i) => ({ ...i, open: m(i.open) })),
    })),
  };
}

function declarationTable(r: MonthlyDeclaration): string {
  const m = (x: bigint) => dec(x, r.currency as CurrencyCode);
  return [
    `Declaration of policy ${r.policyNumber} for ${r.month} (${r.from} … ${r.asOf}), ${r.currency}`,
    `\nTurnover: ${m(r.totalTurnover)}`,
    renderTable(
      ['Country', 'Buyer', 'Invoices', 'Amount'].map((header) => ({ header })),
      [
        ...r.turnover.map((t) => [t.country, t.buyerId, String(t.invoices), m(t.amount)]),
        ...r.byCountry.map((c) => [c.country, '(all)', String(c.invoices), m(c.amount)]),
      ],
    ),
    '\nOverdue',
    renderTable(
      ['Buyer', 'Country', 'Invoice', 'Original due date', 'Days', 'Open'].map((header) => ({ header })),
      r.overdue.flatMap((o) =>
        o.invoices.map((i) => [o.buyerId, o.country, i.invoiceId, i.originalDueDate, String(i.daysOverdue), m(i.open)]),
      ),
    ),
  ].join('\n');
}

/** `credence insurance report --as-of D [--policy P] [--format table|csv|json]`: the monthly declaration. */
export function registerInsuranceReport(ins: Command, io: Io, state: { exitCode: number }): void {
  ins
    .command('report')
    .description("the monthly declaration: the month's turnover per buyer and country, the overdue per buyer")
    .option('--as-of <date>', 'the last day declared (default: today); the month is its month', asDate)
    .option('--policy <number>', 'the policy (default: the only one)', asIdentifier)
    .option('--format <format>', 'table, csv or json', asFormat, 'table')
    .option('--db <dir>', 'embedded database directory (default ./data/credence)')
    .action(async (o) => {
      const { insuranceReport } = await import('@credence/app/insurance');
      const asOf = o.asOf ?? io.clock.today();
      const r = await withExistingStore(o, io, async (s): Promise<Out> => {
        const d = await insuranceReport(s, { asOf, ...(o.policy !== undefined ? { policyNumber: o.policy } : {}) });
        if (!d.ok) return d;
        if (o.format === 'csv') return { ok: true, text: declarationCsv(d.value) };
        if (o.format === 'json') return { ok: true, text: JSON.stringify(declarationJson(d.value), null, 2) };
        return { ok: true, text: declarationTable(d.value) };
      });
      emit(io, state, r);
    });
}
