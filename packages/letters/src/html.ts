import type { Letter } from '@credence/app';
import { type ComposedLetter, composeLetter, FIRST_NUMERIC_COLUMN, type Pair } from './compose';
import type { Templates } from './load-templates';

/** Chinese system fonts, traditional or simplified first as the letter's language asks. */
const HAN = {
  tc: "'PingFang TC','Microsoft JhengHei','Noto Sans TC'",
  sc: "'PingFang SC','Microsoft YaHei','Noto Sans SC'",
};
const CELL = 'padding:6px 8px;border-bottom:1px solid #e2e5ea;';
const P = 'margin:0 0 14px;';

/** Text for HTML: every value of the letter goes through here. Line breaks in messages become <br>. */
function escapeHtml(s: string): string {
  return s
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
    .replaceAll('\n', '<br>');
}

/** References in running text (a hyphenated word with a digit: DL-2026-0042) kept on one line. */
const keepReferences = (html: string): string =>
  html.replace(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu, (word) =>
    /\d/.test(word) ? `<span style="white-space:nowrap">${word}</span>` : word,
  );

/** The letter as an HTML email: one document, inline CSS only, the documents as a table. */
export function renderHtml(letter: Letter, templates: Templates): string {
  const c = composeLetter(letter, templates);
  const e = escapeHtml;
  const para = (text: string, style = '') => `<p style="${P}${style}">${keepReferences(e(text))}</p>`;
  return [
    `<!DOCTYPE html><html lang="${e(c.language)}"><head><meta charset="utf-8"><title>${e(c.subject)}</title></head>`,
    `<body style="margin:0;padding:24px;background:#f3f4f6;font-family:Arial,Helvetica,${c.language === 'zh-TW' ? HAN.tc : HAN.sc},sans-serif;font-size:14px;line-height:1.5;color:#1f2933;">`,
    '<div style="max-width:720px;margin:0 auto;background:#ffffff;padding:32px;border-top:4px solid #1f3a5f;">',
    `<p style="${P}font-size:18px;font-weight:bold;color:#1f3a5f;">${e(c.creditor.name)}</p>`,
    para(c.debtor.name, 'font-weight:bold;'),
    pairTable(c.meta, 'left'),
    para(c.subject, 'font-weight:bold;font-size:16px;'),
    para(c.greeting),
    para(c.opening),
    documents(c),
    ...(c.credits
      ? [`<p style="margin:0 0 4px;">${e(c.credits.intro)}</p>${pairTable(c.credits.rows, 'right', false)}`]
      : []),
    ...c.totals.map(
      (t) => `<p style="margin:0 0 4px;font-weight:bold;">${e(t.heading)}</p>${pairTable(t.rows, 'right')}`,
    ),
    para(c.interest),
    para(c.payment),
    pairTable(c.bank, 'left'),
    para(c.nextStep),
    para(c.dispute),
    para(c.closing),
    para([c.signoff, ...c.signature].join('\n')),
    c.footer ? para(c.footer, 'font-size:12px;color:#6b7280;border-top:1px solid #e2e5ea;padding-top:8px;') : '',
    '</div></body></html>',
  ].join('\n');
}

function documents(c: ComposedLetter): string {
  const align = (i: number) => (i < FIRST_NUMERIC_COLUMN ? 'left' : 'right');
  const head = c.table.headers
    .map((h, i) => `<th style="${CELL}text-align:${align(i)};background:#eef1f5;font-size:12px;">${escapeHtml(h)}</th>`)
    .join('');
  const rows = c.table.rows
    .map(
      (r) =>
        `<tr>${r.map((v, i) => `<td style="${CELL}text-align:${align(i)};white-space:nowrap;">${escapeHtml(v)}</td>`).join('')}</tr>`,
    )
    .join('\n');
  return `<table style="border-collapse:collapse;width:100%;margin:0 0 18px;font-size:13px;"><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

/** Label/value rows; the last row of a totals table (the total due) is bold, not so in a list of credits. */
function pairTable(rows: readonly Pair[], valueAlign: 'left' | 'right', boldLast = valueAlign === 'right'): string {
  const last = rows.length - 1;
  const body = rows
    .map(([label, value], i) => {
      const weight = boldLast && i === last ? 'font-weight:bold;' : '';
      return `<tr><td style="padding:2px 16px 2px 0;color:#4b5563;${weight}">${escapeHtml(label)}</td><td style="padding:2px 0;text-align:${valueAlign};white-space:nowrap;${weight}">${escapeHtml(value)}</td></tr>`;
    })
    .join('');
  return `<table role="presentation" style="border-collapse:collapse;margin:0 0 14px;">${body}</table>`;
}
