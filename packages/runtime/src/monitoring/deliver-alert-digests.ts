import type { Company, Store } from '@credence/app';
import type { AlertDigestMail, AlertDigestSummary, DigestOutcome } from '@credence/app/monitoring';
import type { BusinessDate } from '@credence/core';
import type { AlertPolicy, DigestLanguage } from '@credence/core/monitoring';

// Not imported from core/monitoring: its schema brings zod, which the CLI does not load at start.
const DIGEST_LANGUAGES: readonly DigestLanguage[] = ['en', 'zh-CN', 'zh-TW'];

import type { Courier } from '../delivery/types';
import { policyInForce } from '../policy-in-force';

/** A digest as an e-mail through the courier (SMTP, else an .eml file), from the company's sender address. */
export const alertDigestPost =
  (courier: Courier, company: Company) =>
  async (m: AlertDigestMail): Promise<DigestOutcome> => {
    const outcome = await courier.deliver({
      messageId: `<${m.id.replace(/[^A-Za-z0-9._-]/g, '_')}@credence.local>`,
      from: company.mailFrom ?? `${company.name} <${company.contact.email}>`,
      to: m.to,
      subject: m.subject,
      text: m.text,
      html: m.html,
      attachments: [],
    });
    return { status: outcome.status, detail: outcome.detail };
  };

/**
 * `credence alerts notify` (and the daily cycle's notify step): the day's alert digests e-mailed through the
 * courier, under the alert rules in force (`rulesFile`, else the stored policy, else the shipped file), in each
 * person's language (else the company's). Sent once per person and date. The courier stays open: its owner closes it.
 */
export async function deliverAlertDigests(
  store: Store,
  x: {
    readonly courier: Courier;
    readonly company: Company;
    readonly rulesFile?: string | undefined;
    /** The rules themselves (a test's, a server's): then neither the file nor the store is read. */
    readonly policy?: AlertPolicy;
  },
  asOf: BusinessDate,
): Promise<AlertDigestSummary> {
  const [{ sendAlertDigests }, policy] = await Promise.all([
    import('@credence/app/monitoring'),
    x.policy ?? policyInForce(store, 'alerts', x.rulesFile),
  ]);
  return sendAlertDigests(store, { asOf, policy, ...alertDigestDelivery(x.courier, x.company) });
}

/**
 * How digests leave (`alerts notify`, the daily cycle's `digests` step): through the courier, in the company's
 * language for people the rules and their workspace give none. Digests are written in en, zh-CN and zh-TW; a
 * company writing letters in another language gets English ones.
 */
export const alertDigestDelivery = (courier: Courier, company: Company) => ({
  language: (DIGEST_LANGUAGES as readonly string[]).includes(company.language)
    ? (company.language as DigestLanguage)
    : ('en' as DigestLanguage),
  send: alertDigestPost(courier, company),
});
