import type { Store } from '@credence/app';
import { type AgingResult, reportAging } from '@credence/app';
import type { AgingReport, BusinessDate, CurrencyCode, Failure } from '@credence/core';
import { renderCsv, renderTable } from '@credence/core';
import { dec, fmt } from '../format/money';

export type OutputFormat = 'table' | 'json' | 'csv';

export interface AgingOptions {
  readonly asOf: BusinessDate;
  readonly bounds?: readonly number[];
  readonly byBuyer: boolean;
  readonly format: OutputFormat;
  readonly reportingCurrency?: CurrencyCode;
  readonly locale?: string;
}

const reportJson = (r: AgingReport, unapplied: bigint | undefined, credit: bigint) => ({
  asOf: r.asOf,
  currency: r.currency,
  ...(r.buyerId !== undefined ? { buyerId: r.buyerId } : {}),
  buckets: r.buckets.map((b) => ({ label: b.label, amount: dec(b.amount, r.currency), count: b.count })),
  total: dec(r.total, r.currency),
  ...(unapplied !== undefined ? { unappliedCash: dec(unapplied, r.currency) } : {}),
  creditBalance: dec(credit, r.currency),
});

/** The documented JSON shape (docs/cli.md): one object, or one per currency (or buyer) in an array. */
export function agingJson(res: AgingResult): unknown {
  const unapplied = new Map(res.unappliedCash.map((u) => [u.currency, u.amount]));
  const credit = (r: AgingReport) =>
    res.creditBalance
      .filter((c) => c.currency === r.currency && c.buyerId === r.buyerId)
      .reduce((t, c) => t + c.amount, 0n);
  const items = res.reports.map((r) =>
    reportJson(r, r.buyerId === undefined ? (unapplied.get(r.currency) ?? 0n) : undefined, credit(r)),
  );
  const main = items.length === 1 && res.reports[0]?.buyerId === undefined ? items[0] : items;
  if (!res.reporting) return main;
  const rep = res.reporting;
  return {
    asOf: res.asOf,
    perCurrency: items,
    reporting: {
      currency: rep.currency,
      buckets: res.labels.map((label, i) => ({ label, amount: dec(rep.buckets[i] ?? 0n, rep.currency) })),
      total: dec(rep.total, rep.currency),
    },
  };
}

/**
 * The aging as CSV: a row per currency (and buyer), with `credit_balance` — what is left of credit notes and
 * unapplied cash after all the buyer's invoices (not in the buckets); a buyer with nothing owed but a credit
 * balance gets a row of its own.
 */
export function agingCsv(res: AgingResult, names: ReadonlyMap<string, string>): string {
  const byBuyer = res.reports.some((r) => r.buyerId !== undefined) || res.creditBalance.some((c) => c.buyerId);
  const header = [...(byBuyer ? ['buyer_id', 'buyer_name'] : []), 'currency', ...res.labels, 'total', 'credit_balance'];
  const key = (buyerId: string | undefined, currency: string) => `${buyerId ?? ''}\u0000${currency}`;
  const credit = new Map<string, bigint>();
  for (const c of res.creditBalance)
    credit.set(key(c.buyerId, c.currency), (credit.get(key(c.buyerId, c.currency)) ?? 0n) + c.amount);
  const line = (buyerId: string | undefined, currency: CurrencyCode, buckets: readonly bigint[], total: bigint) => [
    ...(byBuyer ? [buyerId ?? '', names.get(buyerId ?? '') ?? ''] : []),
    currency,
    ...buckets.map((b) => dec(b, currency)),
    dec(total, currency),
    dec(credit.get(key(buyerId, currency)) ?? 0n, currency),
  ];
  const rows = res.reports.map((r) =>
    line(
      r.buyerId,
      r.currency,
      r.buckets.map((b) => b.amount),
      r.total,
    ),
  );
  const shown = new Set(res.reports.map((r) => key(r.buyerId, r.currency)));
  for (const c of res.creditBalance)
    if (!shown.has(key(c.buyerId, c.currency))) {
      shown.add(key(c.buyerId, c.currency));
      rows.push(
        line(
          c.buyerId,
          c.currency,
          res.labels.map(() => 0n),
          0n,
        ),
      );
    }
  return renderCsv(header, rows, [...res.labels, 'total', 'credit_balance']);
}

export function agingTable(res: AgingResult, names: ReadonlyMap<string, string>, locale?: string): string {
  const byBuyer = res.reports.some((r) => r.buyerId !== undefined);
  const columns = [
    ...(byBuyer ? [{ header: 'Buyer' }] : []),
    { header: 'Cur' },
    ...res.labels.map((l) => ({ header: l, align: 'right' as const })),
    { header: 'Total', align: 'right' as const },
    { header: 'Items', align: 'right' as const },
  ];
  const row = (r: AgingReport, first: string[]) => [
    ...first,
    r.currency,
    ...r.buckets.map((b) => (b.amount === 0n ? '-' : fmt(b.amount, r.currency, locale))),
    fmt(r.total, r.currency, locale),
    String(r.count),
  ];
  const parts: string[] = [`Aging as of ${res.asOf}`];
  if (!byBuyer) {
    const totals = res.reporting
      ? [
          `${res.reporting.currency}*`,
          ...res.reporting.buckets.map((b) => fmt(b, res.reporting?.currency as CurrencyCode, locale)),
          fmt(res.reporting.total, res.reporting.currency, locale),
          '',
        ]
      : undefined;
    parts.push(
      renderTable(
        columns,
        res.reports.map((r) => row(r, [])),
        totals,
      ),
    );
    if (res.reporting) parts.push(`* converted to ${res.reporting.currency} at the rates in force on ${res.asOf}`);
  } else {
    const currencies = [...new Set(res.reports.map((r) => r.currency))];
    for (const cur of currencies) {
      const rs = res.reports
        .filter((r) => r.currency === cur)
        .sort((a, b) => (b.total > a.total ? 1 : b.total < a.total ? -1 : 0));
      const sums = res.labels.map((_, i) => rs.reduce((s, r) => s + (r.buckets[i]?.amount ?? 0n), 0n));
      const total = sums.reduce((s, x) => s + x, 0n);
      const count = rs.reduce((s, r) => s + r.count, 0);
      const label = (id: string) => {
        const n = names.get(id);
        return n ? `${id} ${n}`.slice(0, 40) : id;
      };
      parts.push(
        renderTable(
          columns,
          rs.map((r) => row(r, [label(r.buyerId ?? '')])),
          [
            `Total (${rs.length} buyers)`,
            cur,
            ...sums.map((s) => fmt(s, cur, locale)),
            fmt(total, cur, locale),
            String(count),
          ],
        ),
      );
    }
  }
  const wrap = (cells: readonly string[]) => {
    const lines: string[] = [];
    for (const c of cells) {
      const last = lines.length - 1;
      if (last >= 0 && (lines[last] ?? '').length + c.length < 96) lines[last] = `${lines[last]}   ${c}`;
      else lines.push(`  ${c}`);
    }
    return lines.join('\n');
  };
  const unapplied = res.unappliedCash.filter((u) => u.amount !== 0n);
  if (unapplied.length > 0)
    parts.push(
      `Unapplied cash (received, not matched to any document; set off against each buyer's oldest invoices above):\n${wrap(
        unapplied.map((u) => `${u.currency} ${fmt(u.amount, u.currency, locale)}`),
      )}`,
    );
  const credits = res.creditBalance.filter((c) => c.amount !== 0n);
  if (credits.length > 0)
    parts.push(
      `Credit balance (credits left after all of a buyer's invoices; not in the aging):\n${wrap(
        credits.map(
          (c) => `${c.buyerId !== undefined ? `${c.buyerId} ` : ''}${c.currency} ${fmt(c.amount, c.currency, locale)}`,
        ),
      )}`,
    );
  if (res.reports.length === 0) parts.push('No open items.');
  return parts.join('\n\n');
}

export async function runReportAging(
  store: Store,
  o: AgingOptions,
): Promise<{ ok: true; text: string } | { ok: false; error: Failure }> {
  const res = await reportAging(store, {
    asOf: o.asOf,
    byBuyer: o.byBuyer,
    withBuyerNames: o.format !== 'json',
    ...(o.bounds ? { bounds: o.bounds } : {}),
    ...(o.reportingCurrency ? { reportingCurrency: o.reportingCurrency } : {}),
  });
  return res.ok ? { ok: true, text: agingText(res.value, o.format, o.locale) } : res;
}

/** The aging in a format (its buyers' names from the result). */
export function agingText(res: AgingResult, format: OutputFormat, locale?: string): string {
  if (format === 'json') return JSON.stringify(agingJson(res), null, 2);
  const names = new Map(Object.entries(res.buyerNames ?? {}));
  return format === 'csv' ? agingCsv(res, names) : agingTable(res, names, locale);
}
