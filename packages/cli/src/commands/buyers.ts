import { buyerBehaviour, buyerNetPosition, type GradeContext, gradeBuyerAsOf, type Store } from '@credence/app';
import { type BusinessDate, type CurrencyCode, daysOverdue, type Failure } from '@credence/core';
import { dec, fmt } from '../format/money';
import { renderTable } from '../format/table';
import { behaviourText, financialsJson, financialsText, gradeJson, gradeText, pdJson, pdText } from './financials';
import type { Say } from './reason-lang';
import type { OutputFormat } from './report-aging';

type Out = { ok: true; text: string } | { ok: false; error: Failure };

export async function runBuyerList(store: Store, format: OutputFormat): Promise<Out> {
  const buyers = await store.listBuyers();
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
  if (format === 'csv') {
    const { renderCsv } = await import('../format/csv');
    return { ok: true, text: renderCsv(columns, rows, ['payment_terms_days']) };
  }
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
  const buyer = await store.getBuyer(id);
  if (!buyer) return { ok: false, error: { code: 'not_found', params: { what: 'buyer', id } } };
  const net = await buyerNetPosition(store, id, asOf);
  const items = [...net.gross].sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
  // What is still owed of each invoice once credit notes and unapplied cash are set off (oldest first).
  const owedOf = new Map(net.items.map((i) => [i.number, i.open]));
  const owed = (i: (typeof items)[number]) => (i.type === 'invoice' && i.open > 0n ? (owedOf.get(i.number) ?? 0n) : 0n);
  const late = (i: (typeof items)[number]) => (owed(i) > 0n ? Math.max(0, daysOverdue(i.dueDate, asOf)) : 0);
  const statements = await store.statementsOf(id);
  const graded = grading === undefined ? undefined : await gradeBuyerAsOf(store, grading, id, asOf, 3);
  const pd = graded?.financial;
  const behaviour = await buyerBehaviour(store, id, buyer.currency, asOf);
  if (format === 'json') {
    const financials = financialsJson(statements, asOf);
    return {
      ok: true,
      text: JSON.stringify(
        {
          buyer,
          asOf,
          ...(graded ? { grade: gradeJson(graded.grade, say) } : {}),
          paymentBehaviour: behaviour,
          ...(financials ? { financials: { ...financials, ...(pd ? { pd: pdJson(pd, say) } : {}) } } : {}),
          openItems: items.map((i) => ({
            number: i.number,
            type: i.type,
            issueDate: i.issueDate,
            dueDate: i.dueDate,
            daysOverdue: late(i),
            currency: i.currency,
            open: dec(i.open, i.currency),
            owed: dec(owed(i), i.currency),
          })),
          unappliedCash: net.payments.map((p) => ({
            payment: p.id,
            date: p.date,
            currency: p.currency,
            amount: dec(p.amount, p.currency),
            unapplied: dec(p.unapplied, p.currency),
          })),
          creditBalance: net.creditBalance.map((c) => ({ currency: c.currency, amount: dec(c.amount, c.currency) })),
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
  const totals = new Map<CurrencyCode, bigint>();
  for (const i of items) totals.set(i.currency, (totals.get(i.currency) ?? 0n) + i.open);
  const owedTotals = new Map<CurrencyCode, bigint>();
  for (const i of net.items) owedTotals.set(i.currency, (owedTotals.get(i.currency) ?? 0n) + i.open);
  const sums = (m: Map<CurrencyCode, bigint>) => [...m].map(([c, a]) => `${c} ${fmt(a, c, locale)}`).join(' ');
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
      owed(i) === 0n && i.open > 0n ? 'covered' : late(i) > 0 ? String(late(i)) : i.open > 0n ? 'not due' : '-',
      i.currency,
      fmt(i.open, i.currency, locale),
      fmt(owed(i), i.currency, locale),
    ]),
    [`${items.length} open items`, '', '', '', '', '', sums(totals), sums(owedTotals)],
  );
  const cash =
    net.payments.length === 0
      ? ''
      : `\n\nUnapplied cash as of ${asOf} (set off against the oldest invoices)\n${renderTable(
          [
            { header: 'Payment' },
            { header: 'Date' },
            { header: 'Cur' },
            { header: 'Received', align: 'right' },
            { header: 'Unapplied', align: 'right' },
          ],
          net.payments.map((p) => [
            p.id,
            p.date,
            p.currency,
            fmt(p.amount, p.currency, locale),
            fmt(p.unapplied, p.currency, locale),
          ]),
        )}`;
  const balance =
    net.creditBalance.length === 0
      ? ''
      : `\nCredit balance (credits left after every invoice): ${net.creditBalance.map((c) => `${c.currency} ${fmt(c.amount, c.currency, locale)}`).join(' ')}`;
  return {
    ok: true,
    text: `${buyer.id}\n${head}${gradeText(graded?.grade, say)}${behaviourText(behaviour)}${financialsText(statements, asOf)}${pdText(pd, say)}\n\nOpen items as of ${asOf}\n${table}${cash}${balance}`,
  };
}
