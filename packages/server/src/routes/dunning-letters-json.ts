import type { Delivery, Letter, OutboxEntry, RecordedLetter } from '@credence/app';
import { type CurrencyCode, money, parseMoney, toDecimalString } from '@credence/core';
import { z } from '@hono/zod-openapi';
import { Money, type MoneyJson } from '../conventions';

/** Who a letter goes to and what it asks for: the buyer, its e-mail or postal address, the deadline, the totals. */
export const LetterSummary = z.object({
  letterId: z.string(),
  buyerId: z.string(),
  buyerName: z.string(),
  level: z.string(),
  channel: z.string(),
  language: z.string(),
  deadline: z.string().openapi({ format: 'date' }),
  email: z.string().optional().openapi({ description: 'absent: the letter goes by post only' }),
  address: z.array(z.string()).openapi({ description: 'postal address, one line per entry' }),
  totals: z.array(Money).openapi({ description: 'what the letter asks for, per currency (with interest and fees)' }),
});

export const OutboxKind = z.enum(['email', 'print', 'case_file', 'sms']);

/** The total claimed per level, summed over the letters (per currency). */
export const LevelTotals = z.array(z.object({ level: z.string(), letters: z.number().int(), totals: z.array(Money) }));

export const letterSummary = (l: Letter) => ({
  letterId: l.id,
  buyerId: l.debtor.id,
  buyerName: l.debtor.name,
  level: l.levelId,
  channel: l.channel,
  language: l.language,
  deadline: l.deadline,
  ...(l.debtor.email !== undefined ? { email: l.debtor.email } : {}),
  address: [...l.debtor.address],
  totals: l.totals.map((t) => ({ amount: t.total, currency: t.currency })),
});

/** The letters' totals by level, levels in the order met (a run lists them in ladder order), currencies sorted. */
export function levelTotals(letters: readonly Letter[]): z.infer<typeof LevelTotals> {
  const by = new Map<string, { letters: number; sums: Map<string, bigint> }>();
  for (const l of letters) {
    const s = by.get(l.levelId) ?? { letters: 0, sums: new Map<string, bigint>() };
    s.letters += 1;
    for (const t of l.totals) {
      const m = parseMoney(t.total, t.currency);
      if (!m.ok) continue;
      s.sums.set(t.currency, (s.sums.get(t.currency) ?? 0n) + m.value.amount);
    }
    by.set(l.levelId, s);
  }
  return [...by].map(([level, s]) => ({
    level,
    letters: s.letters,
    totals: [...s.sums]
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map(
        ([currency, amount]): MoneyJson => ({
          amount: toDecimalString(money(amount, currency as CurrencyCode)),
          currency,
        }),
      ),
  }));
}

/** Each outbox entry of a recorded letter and where it stands; the last failure's reason. */
export const DeliveryStatus = z.object({
  id: z.string(),
  kind: OutboxKind,
  recipient: z.string().optional(),
  status: z.enum(['pending', 'sending', 'sent', 'written', 'failed']),
  attempts: z.number().int(),
  failure: z
    .object({ detail: z.string(), date: z.string(), channel: z.string() })
    .optional()
    .openapi({ description: 'the last attempt, when it failed' }),
});

export const deliveryStatus = (e: OutboxEntry, failure: Delivery | undefined) => ({
  id: e.id,
  kind: e.kind,
  ...(e.recipient !== undefined ? { recipient: e.recipient } : {}),
  status: e.status,
  attempts: e.attempts,
  ...(failure !== undefined
    ? { failure: { detail: failure.detail, date: failure.date, channel: failure.channel } }
    : {}),
});

/** What a letter puts in the outbox (before it is recorded: a dry run). */
export const plannedOutbox = (r: RecordedLetter) =>
  r.outbox.map((e) => ({ kind: e.kind, ...(e.recipient !== undefined ? { recipient: e.recipient } : {}) }));
