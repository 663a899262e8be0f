import { buyerDetail, type GradeContext, listBuyers, type Store } from '@credence/app';
import type { BusinessDate, CurrencyCode, Failure } from '@credence/core';
import { renderCsv, renderTable } from '@credence/core';
import { dec, fmt } from '../format/money';
import { behaviourText, financialsJson, financialsText, gradeJson, gradeText, pdJson, pdText } from './financials';
import type { Say } from './reason-lang';
import type { OutputFormat } from './report-aging';

type Out = { ok: true; text: string } | { ok: false; error: Failure };

export async function runBuyerList(store: Store, format: OutputFormat): Promise<Out> {
  const buyers = await listBuyers(store);
  if (format === 'json') return { ok: true, text: JSON.stringify(buyers, null, 2) };
  const columns = ['buyer_id', 'name', 'country', 'currency', 'payment_terms_days', 'industry', 'collector'];
  const rows = buyers.map((b) => [
    b.id,
    b.name,
    b.country,
    b.currency,
    String(b.paymentTermsDays),
    b.industry ?? '',
    b.collector ?? '',
  ]);
  if (format === 'csv') return { ok: true, text: renderCsv(columns, rows, ['payment_terms_days']) };
  return {
    ok: true,
    text: `${renderTable(
      [
        { header: 'ID' },
        { header: 'Name' },
        { header: 'Country' },
        { header: 'Cur' },
        { header: 'Terms', align: 'right' },
        { header: 'Industry' },
        { header: 'Collector' },
      ],
      rows,
    )}\n${buyers.length} buyers`,
  };
}

export async function runBuyerShow(
  store: Store,
  id: string,
  asOf: BusinessDate,
  format: OutputFormat,
  locale: string | undefined,
  grading: GradeContext | undefined,
  say: Say,
): Promise<Out> {
  const r = await buyerDetail(store, { buyerId: id, asOf, ...(grading ? { grading } : {}) });
  if (!r.ok) return r;
  const { buyer, grade, override, pd, behaviour, financials, openItems: items, unappliedCash, creditBalance } = r.value;
  if (format === 'json') {
    const f = financialsJson(financials);
    return {
      ok: true,
      text: JSON.stringify(
        {
          buyer,
          asOf,
          ...(grade ? { grade: gradeJson(grade, say) } : {}),
          ...(override ? { gradeOverride: override } : {}),
          paymentBehaviour: behaviour,
          ...(f ? { financials: { ...f, ...(pd ? { pd: pdJson(pd, say) } : {}) } } : {}),
          openItems: items.map((i) => ({
            number: i.number,
            type: i.type,
            issueDate: i.issueDate,
            dueDate: i.dueDate,
            daysOverdue: i.daysOverdue,
            currency: i.currency,
            open: dec(i.open, i.currency),
            owed: dec(i.owed, i.currency),
          })),
          unappliedCash: unappliedCash.map((p) => ({
            payment: p.id,
            date: p.date,
            currency: p.currency,
            amount: dec(p.amount, p.currency),
            unapplied: dec(p.unapplied, p.currency),
          })),
          creditBalance: creditBalance.map((c) => ({ currency: c.currency, amount: dec(c.amount, c.currency) })),
        },
        null,
        2,
      ),
    };
  }
  const facts = [
    ['Name', buyer.name],
    ['Legal id', buyer.legalId ?? '-'],
    ['Country', buyer.country],
    ['Industry', buyer.industry ?? '-'],
    ['Currency / terms', `${buyer.currency}, ${buyer.paymentTermsDays} days`],
    ['Group', buyer.groupId ?? '-'],
    ['Language', buyer.language ?? '-'],
    ['Email', buyer.email ?? '-'],
    ['Sales owner / collector', `${buyer.salesOwner ?? '-'} / ${buyer.collector ?? '-'}`],
  ];
  const width = Math.max(...facts.map(([k]) => (k ?? '').length));
  const head = facts.map(([k, v]) => `${(k ?? '').padEnd(width)}  ${v}`).join('\n');
  const sums = (m: readonly { currency: CurrencyCode; amount: bigint }[]) =>
    m.map(({ currency: c, amount: a }) => `${c} ${fmt(a, c, locale)}`).join(' ');
  const table = renderTable(
    [
      { header: 'Document' },
      { header: 'Type' },
      { header: 'Issued' },
      { header: 'Due' },
      { header: 'Days overdue', align: 'right' },
      { header: 'Cur' },
      { header: 'Open', align: 'right' },
      { header: 'Owed', align: 'right' },
    ],
    items.map((i) => [
      i.number,
      i.type === 'credit_note' ? 'credit' : 'invoice',
      i.issueDate,
      i.dueDate,
      i.owed === 0n && i.open > 0n
        ? 'covered'
        : i.daysOverdue > 0
          ? String(i.daysOverdue)
          : i.open > 0n
            ? 'not due'
            : '-',
      i.currency,
      fmt(i.open, i.currency, locale),
      fmt(i.owed, i.currency, locale),
    ]),
    [`${items.length} open items`, '', '', '', '', '', sums(r.value.openTotals), sums(r.value.owedTotals)],
  );
  const cash =
    unappliedCash.length === 0
      ? ''
      : `\n\nUnapplied cash as of ${asOf} (set off against the oldest invoices)\n${renderTable(
          [
            { header: 'Payment' },
            { header: 'Date' },
            { header: 'Cur' },
            { header: 'Received', align: 'right' },
            { header: 'Unapplied', align: 'right' },
          ],
          unappliedCash.map((p) => [
            p.id,
            p.date,
            p.currency,
            fmt(p.amount, p.currency, locale),
            fmt(p.unapplied, p.currency, locale),
          ]),
        )}`;
  const balance =
    creditBalance.length === 0
      ? ''
      : `\nCredit balance (credits left after every invoice): ${creditBalance.map((c) => `${c.currency} ${fmt(c.amount, c.currency, locale)}`).join(' ')}`;
  return {
    ok: true,
    text: `${buyer.id}\n${head}${gradeText(grade, say, override)}${behaviourText(behaviour)}${financialsText(financials)}${pdText(pd, say)}\n\nOpen items as of ${asOf}\n${table}${cash}${balance}`,
  };
}
