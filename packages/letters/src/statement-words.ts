import type { StatementLine } from '@credence/app';
import type { BusinessDate } from '@credence/core';
import { formatDate } from './format';

export type StatementLanguage = 'en' | 'zh-CN' | 'zh-TW';

/** The account statement's words (对账单) in the three languages the product speaks. */
export const STATEMENT_WORDS: Readonly<
  Record<
    StatementLanguage,
    {
      readonly title: string;
      readonly customer: string;
      readonly period: string;
      readonly asOf: (date: string) => string;
      readonly currency: string;
      readonly opening: string;
      readonly closing: string;
      readonly headers: readonly [string, string, string, string, string, string];
      readonly kinds: Readonly<Record<StatementLine['kind'], string>>;
      readonly aging: string;
      readonly ages: readonly [string, string, string, string, string];
      readonly unapplied: string;
      readonly nothing: string;
      readonly confirm: string;
      readonly page: (page: number, pages: number) => string;
      /** The e-mail that carries the statement: its subject and its words, the closing date written for the language. */
      readonly mailSubject: (date: string) => string;
      readonly mailText: (date: string) => string;
    }
  >
> = {
  en: {
    title: 'Statement of account',
    customer: 'Customer',
    period: 'Period',
    asOf: (d) => `Balance on ${d}`,
    currency: 'Currency',
    opening: 'Opening balance',
    closing: 'Closing balance',
    headers: ['Date', 'Document', 'Type', 'Due', 'Amount', 'Balance'],
    kinds: {
      invoice: 'Invoice',
      credit_note: 'Credit note',
      payment: 'Payment received',
      adjustment: 'Other adjustments',
    },
    aging: 'Aging of the closing balance',
    ages: ['Not yet due', '1–30 days overdue', '31–60 days', '61–90 days', 'Over 90 days'],
    unapplied: 'Payments not yet applied',
    nothing: 'No documents or payments in the period.',
    confirm:
      'Please check this statement and confirm the closing balance, or tell us which lines you dispute, within 14 days. ' +
      'Without an answer we take the balance as agreed.',
    page: (p, n) => `Page ${p} of ${n}`,
    mailSubject: (d) => `Statement of account as of ${d}`,
    mailText: (d) =>
      `Please find attached your statement of account as of ${d}. Please confirm the closing balance, or tell us which lines you dispute, within 14 days.`,
  },
  'zh-CN': {
    title: '对账单',
    customer: '客户',
    period: '对账期间',
    asOf: (d) => `${d}余额`,
    currency: '币种',
    opening: '期初余额',
    closing: '期末余额',
    headers: ['日期', '单据号', '类型', '到期日', '金额', '余额'],
    kinds: { invoice: '发票', credit_note: '贷项通知单', payment: '收款', adjustment: '其他调整' },
    aging: '期末余额账龄',
    ages: ['未到期', '逾期 1–30 天', '31–60 天', '61–90 天', '90 天以上'],
    unapplied: '尚未核销的收款',
    nothing: '本期间没有单据或收款。',
    confirm: '请核对本对账单，并于 14 天内确认期末余额或告知有异议的明细。逾期未回复即视为对余额无异议。',
    page: (p, n) => `第 ${p} 页，共 ${n} 页`,
    mailSubject: (d) => `对账单（截至 ${d}）`,
    mailText: (d) => `附件为截至 ${d} 的对账单。请于 14 天内确认期末余额或告知有异议的明细。`,
  },
  'zh-TW': {
    title: '對帳單',
    customer: '客戶',
    period: '對帳期間',
    asOf: (d) => `${d}餘額`,
    currency: '幣別',
    opening: '期初餘額',
    closing: '期末餘額',
    headers: ['日期', '單據號碼', '類型', '到期日', '金額', '餘額'],
    kinds: { invoice: '發票', credit_note: '折讓單', payment: '收款', adjustment: '其他調整' },
    aging: '期末餘額帳齡',
    ages: ['未到期', '逾期 1–30 天', '31–60 天', '61–90 天', '90 天以上'],
    unapplied: '尚未沖銷的收款',
    nothing: '本期間沒有單據或收款。',
    confirm: '請核對本對帳單，並於 14 天內確認期末餘額或告知有異議的明細。逾期未回覆即視為對餘額無異議。',
    page: (p, n) => `第 ${p} 頁，共 ${n} 頁`,
    mailSubject: (d) => `對帳單（截至 ${d}）`,
    mailText: (d) => `附件為截至 ${d} 的對帳單。請於 14 天內確認期末餘額或告知有異議的明細。`,
  },
};

/**
 * The buyer's language for a statement: en, zh-CN or zh-TW as recorded; plain "zh" is Traditional for Taiwan, Hong
 * Kong and Macao, else Simplified; anything else English.
 */
export function statementLanguage(buyer: { readonly language?: string; readonly country: string }): StatementLanguage {
  const l = buyer.language ?? '';
  if (l === 'en' || l === 'zh-CN' || l === 'zh-TW') return l;
  if (l === 'zh' || l.startsWith('zh-')) return ['TW', 'HK', 'MO'].includes(buyer.country) ? 'zh-TW' : 'zh-CN';
  return 'en';
}

const escapeHtml = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** The e-mail carrying a statement of `asOf`, in the buyer's language: subject (with the creditor), text and HTML. */
export function statementMail(
  lang: StatementLanguage,
  asOf: BusinessDate,
  creditor: string,
): { readonly subject: string; readonly text: string; readonly html: string } {
  const w = STATEMENT_WORDS[lang];
  const date = formatDate(asOf, lang);
  const text = w.mailText(date);
  return { subject: `${w.mailSubject(date)} – ${creditor}`, text, html: `<p>${escapeHtml(text)}</p>` };
}
