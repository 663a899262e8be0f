import {
  type AccountStatement,
  type Company,
  type MonthlyStatementsRun,
  type Store,
  sendMonthlyStatements,
} from '@credence/app';
import type { BusinessDate, Result } from '@credence/core';
import { renderStatementPdf, type StatementLanguage, statementLanguage } from '@credence/letters';
import type { Courier } from '../delivery/types';
import { policyInForce } from '../policy-in-force';

const WORDS: Record<StatementLanguage, { subject: string; text: string }> = {
  en: {
    subject: 'Statement of account {period}',
    text: 'Please find attached your statement of account as of {period}. Please confirm the closing balance, or tell us which lines you dispute, within 14 days.',
  },
  'zh-CN': {
    subject: '对账单 {period}',
    text: '附件为截至 {period} 的对账单。请于 14 天内确认期末余额或告知有异议的明细。',
  },
  'zh-TW': {
    subject: '對帳單 {period}',
    text: '附件為截至 {period} 的對帳單。請於 14 天內確認期末餘額或告知有異議的明細。',
  },
};

/** One statement as an e-mail with its PDF, in the buyer's language, from the company's sender address. */
export const statementPost =
  (courier: Courier, company: Company) =>
  async (st: AccountStatement): Promise<{ status: 'sent' | 'written' | 'failed'; detail: string }> => {
    const lang = statementLanguage(st.buyer);
    const words = WORDS[lang];
    const pdf = await renderStatementPdf(st, lang, company.name);
    const text = words.text.replace('{period}', st.asOf);
    const outcome = await courier.deliver({
      messageId: `<ST-${st.asOf}-${st.buyer.id.replace(/[^A-Za-z0-9._-]/g, '_')}@credence.local>`,
      from: company.mailFrom ?? `${company.name} <${company.contact.email}>`,
      to: st.buyer.email ?? '',
      subject: words.subject.replace('{period}', st.asOf),
      text,
      html: `<p>${text}</p>`,
      attachments: [
        { filename: `statement-${st.buyer.id}-${st.asOf}.pdf`, content: pdf, contentType: 'application/pdf' },
      ],
    });
    return { status: outcome.status, detail: `${outcome.channel}: ${outcome.detail}` };
  };

/**
 * `credence statement send` (and the daily cycle's `statements` step): the key accounts' statements of the month
 * just ended, e-mailed through the courier, under the key-account rule of the check policy in force. The courier
 * stays open: its owner closes it.
 */
export async function deliverMonthlyStatements(
  store: Store,
  x: { readonly courier: Courier; readonly company: Company; readonly by: string; readonly force?: boolean },
  asOf: BusinessDate,
): Promise<Result<MonthlyStatementsRun>> {
  const policy = (await policyInForce(store, 'check')).credit?.keyAccounts;
  return sendMonthlyStatements(store, {
    asOf,
    policy,
    send: statementPost(x.courier, x.company),
    by: x.by,
    ...(x.force !== undefined ? { force: x.force } : {}),
  });
}
