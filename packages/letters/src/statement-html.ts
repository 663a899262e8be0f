import type { AccountStatement } from '@credence/app';
import { money, toDecimalString } from '@credence/core';
import { formatAmount, formatDate } from './format';
import { statementRows } from './statement-pdf';
import { STATEMENT_WORDS, type StatementLanguage } from './statement-words';

const e = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
const CELL = 'padding:6px 8px;border-bottom:1px solid #e2e5ea;';

/** The account statement as an HTML e-mail (inline CSS only), the same content as the PDF. */
export function renderStatementHtml(s: AccountStatement, lang: StatementLanguage, creditor: string): string {
  const w = STATEMENT_WORDS[lang];
  const cur = (x: bigint, c: string) => formatAmount(toDecimalString(money(x, c as never)), c, lang);
  const table = (headers: readonly string[], rows: readonly (readonly string[])[], firstRight: number) =>
    `<table style="border-collapse:collapse;width:100%;font-size:13px;margin:0 0 16px;"><thead><tr>${headers
      .map(
        (h, i) =>
          `<th style="${CELL}background:#eef1f5;text-align:${i >= firstRight ? 'right' : 'left'};">${e(h)}</th>`,
      )
      .join('')}</tr></thead><tbody>${rows
      .map(
        (r) =>
          `<tr>${r.map((v, i) => `<td style="${CELL}text-align:${i >= firstRight ? 'right' : 'left'};white-space:nowrap;">${e(v)}</td>`).join('')}</tr>`,
      )
      .join('')}</tbody></table>`;
  const sections = s.currencies.map(
    (c) =>
      `<h3 style="color:#1f3a5f;margin:20px 0 8px;">${e(w.currency)}: ${e(c.currency)}</h3>` +
      table(w.headers, statementRows(s, c, lang), 4) +
      `<p style="margin:0 0 6px;font-weight:bold;color:#1f3a5f;">${e(w.aging)}</p>` +
      table(
        [...w.ages, ...(c.unapplied > 0n ? [w.unapplied] : [])],
        [
          [
            cur(c.aging.not_due, c.currency),
            cur(c.aging['1_30'], c.currency),
            cur(c.aging['31_60'], c.currency),
            cur(c.aging['61_90'], c.currency),
            cur(c.aging.over_90, c.currency),
            ...(c.unapplied > 0n ? [cur(-c.unapplied, c.currency)] : []),
          ],
        ],
        0,
      ),
  );
  return [
    `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>${e(w.title)} — ${e(s.buyer.name)}</title></head>`,
    '<body style="margin:0;padding:24px;background:#f3f4f6;font-family:Arial,Helvetica,sans-serif;color:#1f2933;">',
    '<div style="max-width:820px;margin:0 auto;background:#fff;padding:32px;border-top:4px solid #1f3a5f;">',
    `<p style="margin:0;color:#6b7280;font-weight:bold;">${e(creditor)}</p>`,
    `<h1 style="color:#1f3a5f;margin:4px 0 16px;">${e(w.title)}</h1>`,
    `<p style="margin:0 0 4px;">${e(w.customer)}: <b>${e(s.buyer.name)}</b> (${e(s.buyer.id)})</p>`,
    `<p style="margin:0 0 16px;">${e(w.period)}: ${e(formatDate(s.from, lang))} – ${e(formatDate(s.asOf, lang))}</p>`,
    ...(sections.length > 0 ? sections : [`<p>${e(w.nothing)}</p>`]),
    `<p style="margin:16px 0 0;">${e(w.confirm)}</p>`,
    '</div></body></html>',
  ].join('\n');
}
