import { type AccountStatement, type CurrencyStatement, STATEMENT_AGING } from '@credence/app';
import { money, toDecimalString } from '@credence/core';
import { formatAmount, formatDate } from './format';
import { drawFooters } from './pdf-blocks';
import { endPdf, openPdf } from './pdf-document';
import { COLOR, contentWidth, type Doc, ensureSpace, MARGINS, pairs, paragraph, rule, write } from './pdf-layout';
import { drawTable } from './pdf-table';
import { STATEMENT_WORDS, type StatementLanguage } from './statement-words';

const amount = (x: bigint, c: CurrencyStatement, lang: StatementLanguage) =>
  formatAmount(toDecimalString(money(x, c.currency)), c.currency, lang);

/** The statement's rows for one currency: the opening balance, each line with its running balance, the closing. */
export function statementRows(s: AccountStatement, c: CurrencyStatement, lang: StatementLanguage): string[][] {
  const w = STATEMENT_WORDS[lang];
  const d = (x: string) => formatDate(x as never, lang);
  return [
    [d(s.from), '', w.opening, '', '', amount(c.opening, c, lang)],
    ...c.lines.map((l) => [
      d(l.date),
      l.reference,
      w.kinds[l.kind],
      l.dueDate !== undefined ? d(l.dueDate) : '',
      amount(l.amount, c, lang),
      amount(l.balance, c, lang),
    ]),
    [d(s.asOf), '', w.closing, '', '', amount(c.closing, c, lang)],
  ];
}

/**
 * The account statement (对账单) as an A4 PDF in the buyer's language: the customer and the period, then per
 * currency the opening balance, the documents and payments with the running balance, the closing balance and its
 * aging, and the request to confirm it. The creation date is the statement's date (same content, same bytes).
 */
export async function renderStatementPdf(
  s: AccountStatement,
  lang: StatementLanguage,
  creditor: string,
): Promise<Buffer> {
  const w = STATEMENT_WORDS[lang];
  const { doc, done } = await openPdf({
    lang,
    title: `${w.title} — ${s.buyer.name}`,
    author: creditor,
    subject: `${w.title} ${s.buyer.id} ${s.from} … ${s.asOf}`,
    date: s.asOf,
  });
  const x = MARGINS.left;
  const width = contentWidth(doc);
  write(doc, { size: 9, weight: 'bold', color: COLOR.muted }, creditor, x, MARGINS.top, { width });
  write(doc, { size: 18, weight: 'bold', color: COLOR.brand }, w.title, x, doc.y + 4, { width });
  rule(doc, x, doc.y + 6, width, COLOR.brand, 1.2);
  doc.y = pairs(
    doc,
    [
      [w.customer, `${s.buyer.name} (${s.buyer.id})`],
      [w.period, `${formatDate(s.from, lang)} – ${formatDate(s.asOf, lang)}`],
      [w.asOf(formatDate(s.asOf, lang)), s.currencies.map((c) => amount(c.closing, c, lang)).join(' · ') || '—'],
    ],
    x,
    doc.y + 14,
    width,
  );
  doc.y += 12;
  if (s.currencies.length === 0) paragraph(doc, w.nothing);
  for (const c of s.currencies) drawCurrency(doc, s, c, lang);
  ensureSpace(doc, 40);
  paragraph(doc, w.confirm, 9, 'regular', 6);
  drawFooters(doc, `${creditor} · ${w.title} ${s.buyer.id} · ${s.asOf}`, w.page);
  endPdf(doc);
  return done;
}

function drawCurrency(doc: Doc, s: AccountStatement, c: CurrencyStatement, lang: StatementLanguage): void {
  const w = STATEMENT_WORDS[lang];
  ensureSpace(doc, 90);
  write(doc, { size: 11, weight: 'bold', color: COLOR.brand }, `${w.currency}: ${c.currency}`, MARGINS.left, doc.y, {
    width: contentWidth(doc),
  });
  doc.y += 4;
  drawTable(doc, { headers: w.headers, rows: statementRows(s, c, lang), firstRight: 4 });
  ensureSpace(doc, 70);
  write(doc, { size: 9.5, weight: 'bold', color: COLOR.brand }, w.aging, MARGINS.left, doc.y, {
    width: contentWidth(doc),
  });
  doc.y += 3;
  const ages = STATEMENT_AGING.map((k) => amount(c.aging[k], c, lang));
  const headers = [...w.ages, ...(c.unapplied > 0n ? [w.unapplied] : [])];
  const row = [...ages, ...(c.unapplied > 0n ? [amount(-c.unapplied, c, lang)] : [])];
  drawTable(doc, { headers, rows: [row], firstRight: 0 });
  doc.y += 6;
}
