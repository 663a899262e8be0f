import type { InsuranceClaimView } from '@credence/app/insurance';
import { type CurrencyCode, money, toDecimalString } from '@credence/core';
import { formatAmount, formatDate } from './format';
import { drawFooters } from './pdf-blocks';
import { endPdf, openPdf } from './pdf-document';
import { COLOR, contentWidth, ensureSpace, MARGINS, pairs, paragraph, rule, write } from './pdf-layout';
import { drawTable } from './pdf-table';
import type { StatementLanguage } from './statement-words';

/** The overdue notification's words (the insurer's form) in the languages the product speaks. */
export const NOTIFICATION_WORDS: Readonly<
  Record<
    StatementLanguage,
    {
      readonly title: string;
      readonly insurer: string;
      readonly policy: string;
      readonly insured: string;
      readonly buyer: string;
      readonly notifiedOn: string;
      readonly dateOfLoss: string;
      readonly headers: readonly [string, string, string, string];
      readonly total: string;
      readonly declaration: string;
      readonly page: (page: number, pages: number) => string;
    }
  >
> = {
  en: {
    title: 'Notification of overdue account',
    insurer: 'Insurer',
    policy: 'Policy',
    insured: 'Insured',
    buyer: 'Buyer',
    notifiedOn: 'Notified on',
    dateOfLoss: 'Date of loss (end of the waiting period)',
    headers: ['Invoice', 'Original due date', 'Open at notification', 'Insured part'],
    total: 'Total',
    declaration:
      'We notify the insurer of the overdue debts above under the policy and its terms; the original due dates have not been extended beyond the maximum extension period.',
    page: (p, n) => `Page ${p} of ${n}`,
  },
  'zh-CN': {
    title: '逾期账款通知书',
    insurer: '保险人',
    policy: '保单',
    insured: '被保险人',
    buyer: '买方',
    notifiedOn: '通知日期',
    dateOfLoss: '损失日期（等待期结束）',
    headers: ['发票', '原到期日', '通知时未付', '承保部分'],
    total: '合计',
    declaration: '我们依据保单条款向保险人通知上述逾期债务；原到期日未被延展超过最长延展期。',
    page: (p, n) => `第 ${p} 页，共 ${n} 页`,
  },
  'zh-TW': {
    title: '逾期帳款通知書',
    insurer: '保險人',
    policy: '保單',
    insured: '被保險人',
    buyer: '買方',
    notifiedOn: '通知日期',
    dateOfLoss: '損失日期（等待期結束）',
    headers: ['發票', '原到期日', '通知時未付', '承保部分'],
    total: '合計',
    declaration: '我們依據保單條款向保險人通知上述逾期債務；原到期日未被展延超過最長展延期。',
    page: (p, n) => `第 ${p} 頁，共 ${n} 頁`,
  },
};

export interface NotificationForm {
  readonly claim: InsuranceClaimView;
  readonly insurer: string;
  readonly insured: string;
  readonly buyer: { readonly id: string; readonly name: string; readonly country: string };
}

/**
 * The insurer's overdue-notification form as an A4 PDF in the policy's language: the policy, the insured and the
 * buyer, the notification date and the date of loss, then each debt open at the end of the notification day with
 * its original due date and insured part, and the total. The creation date is the notification's (same content,
 * same bytes).
 */
export async function renderNotificationPdf(f: NotificationForm, lang: StatementLanguage): Promise<Buffer> {
  const w = NOTIFICATION_WORDS[lang];
  const s = f.claim.settlement;
  const cur = f.claim.currency as CurrencyCode;
  const amount = (x: bigint) => formatAmount(toDecimalString(money(x, cur)), cur, lang);
  const { doc, done } = await openPdf({
    lang,
    title: `${w.title} — ${f.buyer.name}`,
    author: f.insured,
    subject: `${w.title} ${f.claim.policyNumber} ${f.buyer.id} ${s.notifiedOn}`,
    date: s.notifiedOn,
  });
  const x = MARGINS.left;
  const width = contentWidth(doc);
  write(doc, { size: 9, weight: 'bold', color: COLOR.muted }, f.insured, x, MARGINS.top, { width });
  write(doc, { size: 18, weight: 'bold', color: COLOR.brand }, w.title, x, doc.y + 4, { width });
  rule(doc, x, doc.y + 6, width, COLOR.brand, 1.2);
  doc.y = pairs(
    doc,
    [
      [w.insurer, f.insurer],
      [w.policy, f.claim.policyNumber],
      [w.insured, f.insured],
      [w.buyer, `${f.buyer.name} (${f.buyer.id}, ${f.buyer.country})`],
      [w.notifiedOn, formatDate(s.notifiedOn, lang)],
      [w.dateOfLoss, formatDate(s.dateOfLoss, lang)],
    ],
    x,
    doc.y + 14,
    width,
  );
  doc.y += 12;
  const open = s.debts.reduce((t, d) => t + d.openAtNotification, 0n);
  drawTable(doc, {
    headers: w.headers,
    rows: [
      ...s.debts.map((d) => [
        d.invoiceId,
        formatDate(d.dueDate, lang),
        amount(d.openAtNotification),
        amount(d.insuredLoss),
      ]),
      [w.total, '', amount(open), amount(s.insuredLoss)],
    ],
    firstRight: 2,
  });
  ensureSpace(doc, 40);
  doc.y += 8;
  paragraph(doc, w.declaration, 9, 'regular', 6);
  drawFooters(doc, `${f.insured} · ${w.title} ${f.claim.policyNumber} · ${f.buyer.id} · ${s.notifiedOn}`, w.page);
  endPdf(doc);
  return done;
}
