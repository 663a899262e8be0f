import type { DigestLanguage } from '@credence/core/monitoring';
import { type AlertDigestMail, type DigestOutcome, sendAlertDigests } from '../monitoring/send-alert-digests';
import type { DailyStep } from './steps';

/** How the daily cycle e-mails the alert digests: the language of people without one, and the courier's post. */
export interface DailyDigests {
  readonly language: DigestLanguage;
  readonly send: (mail: AlertDigestMail) => Promise<DigestOutcome>;
}

/**
 * Alert digests: one e-mail per person told about open alerts (`sendAlertDigests`, the rules' `notify` action), in
 * the person's language, once per date — a digest recorded sent is never sent again. A digest that could not be
 * sent fails the step, so the next run of the date (the worker's retry, or `credence daily` again) sends the ones
 * not sent, and only those. Without a courier in the context it sends nothing (`configured: 0`).
 */
export const digestStep: DailyStep = {
  name: 'digests',
  async run(store, ctx, asOf) {
    if (ctx.digests === undefined) return { counts: { configured: 0 } };
    const r = await sendAlertDigests(store, { asOf, policy: ctx.alertRules, ...ctx.digests });
    if (r.failed.length > 0)
      throw new Error(
        `digests: ${r.failed.length} not sent (${r.failed.map((f) => `${f.recipient}: ${f.detail}`).join('; ')})`,
      );
    return {
      counts: { sent: r.sent.length, sentBefore: r.alreadySent.length, unreachable: r.unreachable.length },
    };
  },
};
