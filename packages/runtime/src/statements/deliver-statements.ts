import {
  type AccountStatement,
  type Company,
  type MonthlyStatementsRun,
  type Store,
  sendMonthlyStatements,
} from '@credence/app';
import type { BusinessDate, Result } from '@credence/core';
import { renderStatementPdf, statementLanguage, statementMail } from '@credence/letters';
import type { Courier } from '../delivery/types';
import { policyInForce } from '../policy-in-force';

/** One statement as an e-mail with its PDF, in the buyer's language, from the company's sender address. */
export const statementPost =
  (courier: Courier, company: Company) =>
  async (st: AccountStatement): Promise<{ status: 'sent' | 'written' | 'failed'; detail: string }> => {
    const lang = statementLanguage(st.buyer);
    const pdf = await renderStatementPdf(st, lang, company.name);
    const mail = statementMail(lang, st.asOf, company.name);
    const outcome = await courier.deliver({
      messageId: `<ST-${st.asOf}-${st.buyer.id.replace(/[^A-Za-z0-9._-]/g, '_')}@credence.local>`,
      from: company.mailFrom ?? `${company.name} <${company.contact.email}>`,
      to: st.buyer.email ?? '',
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
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
