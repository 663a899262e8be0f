import type { BusinessDate } from '@credence/core';
import {
  type AlertPolicy,
  type DigestBuyer,
  type DigestLanguage,
  digestMessage,
  planDigests,
  rulesFor,
} from '@credence/core/monitoring';
import type { Store } from '../ports';
import type { AlertDigestRecord } from './ports';

/** One digest ready to leave: its recipient, address, language and words (the courier adds the sender). */
export interface AlertDigestMail {
  /** Deterministic per person and date: a resend carries the same Message-ID. */
  readonly id: string;
  readonly recipient: string;
  readonly to: string;
  readonly language: DigestLanguage;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** What the mail adapter did with one digest. */
export interface DigestOutcome {
  readonly status: 'sent' | 'written' | 'failed';
  readonly detail: string;
}

export interface AlertDigestSummary {
  readonly asOf: BusinessDate;
  /** Digests handed over now (sent, or written as .eml files), by recipient. */
  readonly sent: readonly string[];
  readonly failed: readonly { readonly recipient: string; readonly detail: string }[];
  /** Sent earlier for the same date: not sent again. */
  readonly alreadySent: readonly string[];
  /** People the rules name who have no address in the policy's recipients. */
  readonly unreachable: readonly string[];
}

/**
 * `alerts notify`: one digest e-mail per person and date, in the person's language (the policy's, else the
 * user's workspace language, else `language`), listing the open alerts of the buyers the person is told about
 * (the rule's `notify` roles: sales owner, collector, credit manager; only rules with the `notify` action). Each
 * digest is recorded before and after it is handed to `send`; one recorded as sent is never sent again (a rerun
 * of the date sends only what failed or was interrupted).
 */
export async function sendAlertDigests(
  store: Store,
  x: {
    readonly asOf: BusinessDate;
    readonly policy: AlertPolicy;
    readonly language: DigestLanguage;
    readonly send: (mail: AlertDigestMail) => Promise<DigestOutcome>;
  },
): Promise<AlertDigestSummary> {
  const [alerts, buyers, done] = await Promise.all([
    store.alerts({ states: ['open'] }),
    store.listBuyers(),
    store.alertDigests(x.asOf),
  ]);
  const byId = new Map<string, DigestBuyer>(
    buyers.map((b) => [
      b.id,
      {
        id: b.id,
        name: b.name,
        ...(b.salesOwner !== undefined ? { salesOwner: b.salesOwner } : {}),
        ...(b.collector !== undefined ? { collector: b.collector } : {}),
      },
    ]),
  );
  const full = new Map(buyers.map((b) => [b.id, b]));
  const rulesOf = (id: string) => {
    const b = full.get(id);
    return rulesFor(x.policy, { country: b?.country ?? '', groupId: b?.groupId });
  };
  // The workspace language of the people the policy gives none (a query per such person, not per buyer).
  const languages = new Map<string, DigestLanguage>();
  for (const p of x.policy.recipients.people)
    if (p.language === undefined) {
      const l = await store.userLanguage(p.name);
      if (l !== undefined) languages.set(p.name, l);
    }
  const seen = alerts.filter((a) => a.firstSeen <= x.asOf);
  const plan = planDigests(seen, byId, rulesOf, x.policy.recipients, (n) => languages.get(n) ?? x.language);
  const sentBefore = new Set(done.filter((d) => d.status === 'sent').map((d) => d.recipient));
  const summary = { sent: [] as string[], failed: [] as { recipient: string; detail: string }[] };
  const alreadySent: string[] = [];
  for (const d of plan.digests) {
    if (sentBefore.has(d.recipient)) {
      alreadySent.push(d.recipient);
      continue;
    }
    const record: AlertDigestRecord = {
      recipient: d.recipient,
      date: x.asOf,
      email: d.email,
      language: d.language,
      alertKeys: d.alerts.map((a) => a.key),
      status: 'sending',
      detail: '',
    };
    await store.transact((tx) => tx.saveAlertDigest(record));
    const words = digestMessage(d, x.asOf, byId);
    let outcome: DigestOutcome;
    try {
      outcome = await x.send({
        id: `alerts-${x.asOf}-${d.recipient}`,
        recipient: d.recipient,
        to: d.email,
        language: d.language,
        ...words,
      });
    } catch (e) {
      outcome = { status: 'failed', detail: e instanceof Error ? e.message : String(e) };
    }
    const ok = outcome.status !== 'failed';
    await store.transact((tx) =>
      tx.saveAlertDigest({ ...record, status: ok ? 'sent' : 'failed', detail: outcome.detail }),
    );
    if (ok) summary.sent.push(d.recipient);
    else summary.failed.push({ recipient: d.recipient, detail: outcome.detail });
  }
  return { asOf: x.asOf, ...summary, alreadySent, unreachable: plan.unreachable };
}
