import { type BusinessDate, type CollectionEvent, fail, money, ok, type Result, toDecimalString } from '@credence/core';
import { holdCause } from '../credit/hold-reason';
import { alertRuleName } from '../monitoring/rule-names';
import type { LedgerReads } from '../ports';
import { listed } from './listed';

export interface TimelineEntry {
  readonly date: BusinessDate;
  readonly kind:
    | CollectionEvent['kind']
    | 'letter'
    | 'delivery'
    | 'payment'
    | 'write_off'
    | 'reversal'
    | 'credit_hold'
    | 'credit_release';
  /** The thing it is about: a letter, dispute, promise or plan id, a payment, write-off or reversal id. */
  readonly ref?: string;
  readonly by?: string;
  /** The entry in English (kept for the CLI and older clients). */
  readonly summary: string;
  /** What `summary` says, as parameters for a catalogue to render in any language (see `describeEvent`). */
  readonly params: TimelineParams;
}

/** The parameters of an entry: codes (reasons, outcomes, channels), dates, decimal amounts with their currency. */
export type TimelineParams = Readonly<Record<string, string | number>>;

const dec = (amount: bigint, currency: string) => `${toDecimalString(money(amount, currency as never))} ${currency}`;

function describeEvent(e: CollectionEvent): string {
  switch (e.kind) {
    case 'dispute_opened':
      return `dispute on ${e.documents.join(', ')}: ${e.reason}, owner ${e.owner}${e.notes ? ` — ${e.notes}` : ''}`;
    case 'dispute_resolved':
      return `dispute resolved: ${e.outcome}${e.creditNote ? ` by credit note ${e.creditNote}` : ''}${e.notes ? ` — ${e.notes}` : ''}`;
    case 'promise_made':
      return `promise to pay ${dec(e.amount, e.currency)} by ${e.promisedDate}${e.documents.length ? ` for ${e.documents.join(', ')}` : ''}`;
    case 'promise_kept':
      return 'promise kept';
    case 'promise_broken':
      return 'promise broken: dunning escalated';
    case 'plan_created':
      return `payment plan for ${e.documents.join(', ')}: ${e.instalments.map((i) => `${i.date} ${dec(i.amount, e.currency)}`).join('; ')}`;
    case 'plan_broken':
      return `payment plan broken (instalment of ${e.missed ?? '?'} missed): dunning resumes`;
    case 'plan_completed':
      return 'payment plan completed';
    case 'paused':
      return `dunning paused until ${e.until}: ${e.reason}`;
    case 'resumed':
      return `dunning resumed: ${e.reason}`;
    case 'note':
    case 'call':
      return `${e.text}${e.documents.length ? ` (${e.documents.join(', ')})` : ''}`;
  }
}

/** The parameters of a collection event: what its summary says, as fields (lists joined by ", "). */
function paramsOf(e: CollectionEvent): TimelineParams {
  switch (e.kind) {
    case 'dispute_opened':
      return { documents: e.documents.join(', '), reason: e.reason, owner: e.owner, notes: e.notes };
    case 'dispute_resolved':
      return { outcome: e.outcome, creditNote: e.creditNote ?? '', notes: e.notes ?? '' };
    case 'promise_made':
      return {
        amount: toDecimalString(money(e.amount, e.currency)),
        currency: e.currency,
        promisedDate: e.promisedDate,
        documents: e.documents.join(', '),
        notes: e.notes,
      };
    case 'plan_created': {
      const total = e.instalments.reduce((s, i) => s + i.amount, 0n);
      return {
        documents: e.documents.join(', '),
        instalments: e.instalments.length,
        amount: toDecimalString(money(total, e.currency)),
        currency: e.currency,
        first: e.instalments[0]?.date ?? '',
        last: e.instalments.at(-1)?.date ?? '',
        notes: e.notes,
      };
    }
    case 'plan_broken':
      return { missed: e.missed ?? '' };
    case 'paused':
      return { until: e.until, reason: e.reason };
    case 'resumed':
      return { reason: e.reason };
    case 'note':
    case 'call':
      return { text: e.text, documents: e.documents.join(', ') };
    default:
      return {};
  }
}

/**
 * A hold in words: a person's reason as written; one the system set, by its cause (`cause` "alert" with the rule's
 * id and what the alert is about, or "dunning" with the level's id) for a catalogue to name in any language.
 */
function holdText(h: { readonly action: 'hold' | 'release'; readonly reason: string; readonly by: string }) {
  const c = holdCause(h);
  const verb = h.action === 'hold' ? 'credit hold' : 'credit hold lifted';
  if (c?.cause === 'alert')
    return {
      summary: `${verb}: alert "${alertRuleName(c.rule)}"${c.subject ? ` on ${c.subject}` : ''}${c.resolved ? ' resolved' : ''}`,
      params: { reason: h.reason, cause: c.cause, rule: c.rule, subject: c.subject },
    };
  if (c?.cause === 'dunning')
    return {
      summary: `${verb}: dunning level ${c.level}`,
      params: { reason: h.reason, cause: c.cause, level: c.level },
    };
  return { summary: h.reason, params: { reason: h.reason } };
}

/** Everything that happened with a buyer in collecting, in date order: letters, deliveries, calls, notes, promises, disputes, plans, payments, holds. */
export async function buyerTimeline(store: LedgerReads, buyerId: string): Promise<Result<TimelineEntry[]>> {
  if ((await store.getBuyer(buyerId)) === undefined) return fail('not_found', { what: 'buyer', id: buyerId });
  const out: TimelineEntry[] = [];
  for (const { event: e } of await store.collectionEvents(buyerId))
    out.push({
      date: e.date,
      kind: e.kind,
      ...('id' in e ? { ref: e.id } : {}),
      by: e.by,
      summary: describeEvent(e),
      params: paramsOf(e),
    });
  for (const { letter: l } of await store.lettersOf(buyerId)) {
    const totals = l.totals.map((t) => `${t.total} ${t.currency}`).join(' + ');
    out.push({
      date: l.date,
      kind: 'letter',
      ref: l.id,
      by: 'dunning run',
      summary: `level ${l.levelId} (${l.channel}, ${l.language}): ${listed(l.lines.map((x) => x.number))}; total ${totals}; pay by ${l.deadline}`,
      params: {
        level: l.levelId,
        channel: l.channel,
        language: l.language,
        documents: l.lines.map((x) => x.number).join(', '),
        total: totals,
        // One currency (the usual case): the total as an amount to format.
        ...(l.totals.length === 1 && l.totals[0] ? { amount: l.totals[0].total, currency: l.totals[0].currency } : {}),
        deadline: l.deadline,
      },
    });
  }
  for (const d of await store.deliveriesOf(buyerId))
    out.push({
      date: d.date,
      kind: 'delivery',
      ref: d.letterId,
      summary: `${d.outboxId}: ${d.status} (${d.channel}) ${d.detail}`,
      params: { outbox: d.outboxId, status: d.status, channel: d.channel, detail: d.detail },
    });
  for (const p of await store.paymentsOf(buyerId))
    out.push({
      date: p.date,
      kind: 'payment',
      ref: p.id,
      ...(p.recorded ? { by: p.recorded.recordedBy } : {}),
      summary: `payment ${dec(p.amount, p.currency)}${p.documentNumber ? ` for ${p.documentNumber}` : ''}`,
      params: {
        amount: toDecimalString(money(p.amount, p.currency)),
        currency: p.currency,
        documents: p.documentNumber ?? '',
      },
    });
  const { writeOffs, reversals } = await store.correctionsOf(buyerId);
  for (const w of writeOffs)
    out.push({
      date: w.date,
      kind: 'write_off',
      ref: w.id,
      ...(w.recorded ? { by: w.recorded.recordedBy } : {}),
      summary: `write-off of ${w.documentNumber}: ${w.reason}`,
      params: { documents: w.documentNumber, reason: w.reason },
    });
  for (const r of reversals)
    out.push({
      date: r.date,
      kind: 'reversal',
      ref: r.id,
      ...(r.recorded ? { by: r.recorded.recordedBy } : {}),
      summary: `reversal of ${r.kind.replace('_', '-')} ${r.targetId}: ${r.reason}`,
      params: { target: r.kind, targetId: r.targetId, reason: r.reason },
    });
  for (const h of await store.holdsOf(buyerId))
    out.push({
      date: h.recordedOn,
      kind: h.action === 'hold' ? 'credit_hold' : 'credit_release',
      by: h.by,
      ...holdText(h),
    });
  // Stable: same-day entries keep the order above (events, letters, deliveries, payments, write-offs,
  // reversals, holds).
  return ok(
    out
      .map((e, i) => [e, i] as const)
      .sort((a, b) => (a[0].date < b[0].date ? -1 : a[0].date > b[0].date ? 1 : a[1] - b[1]))
      .map(([e]) => e),
  );
}
