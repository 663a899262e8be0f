import {
  addPromise,
  type Company,
  openDispute,
  pauseBuyer,
  rankOverdueBuyers,
  runDunning,
  type Store,
} from '@credence/app';
import {
  addDays,
  type BusinessDate,
  type CurrencyCode,
  type DunningPolicy,
  money,
  type RateTables,
  toDecimalString,
} from '@credence/core';

/**
 * A dispute, a promise to pay and a pause, for overdue buyers the day's run would write to (so they show), in
 * words. The day's letters are previewed (a dry run) to find them.
 */
export async function commitments(
  store: Store,
  x: {
    asOf: BusinessDate;
    policy: DunningPolicy;
    company: Company;
    rates: RateTables;
    currency: CurrencyCode;
  },
): Promise<string[]> {
  const { asOf, policy, company, rates } = x;
  const preview = await runDunning(store, { asOf, policy, company, rates, dryRun: true, confirm: true });
  const lettered = new Map<string, string>();
  for (const { letter } of preview.ok ? preview.value.letters : []) {
    const line = letter.lines.find((l) => l.daysOverdue > 0);
    if (line !== undefined && !lettered.has(letter.debtor.id)) lettered.set(letter.debtor.id, line.number);
  }
  const ranked = await rankOverdueBuyers(store, asOf, x.currency, 50);
  const overdue = ranked.ok ? ranked.value.map((r) => r.buyerId) : [];
  const ids = [...overdue.filter((id) => lettered.has(id)), ...overdue.filter((id) => !lettered.has(id))];
  const notes: string[] = [];
  const first = async (buyerId: string | undefined) =>
    buyerId === undefined
      ? undefined
      : (await store.buyerOpenItems(buyerId, asOf)).find(
          (i) =>
            i.type === 'invoice' &&
            i.open > 0n &&
            i.dueDate < asOf &&
            (!lettered.has(buyerId) || lettered.get(buyerId) === i.number),
        );
  const disputed = await first(ids[1]);
  if (disputed) {
    const d = await openDispute(
      store,
      {
        documents: [disputed.number],
        reason: 'quality',
        owner: 'Jonas Weber',
        notes: 'goods damaged in transit',
        by: 'demo',
      },
      addDays(asOf, -3),
    );
    if (d.ok) notes.push(`${d.value.id}: ${disputed.number} of ${disputed.buyerId} disputed (quality)`);
  }
  const promised = await first(ids[2]);
  if (promised) {
    const amount = toDecimalString(money(promised.open, promised.currency));
    const p = await addPromise(
      store,
      {
        buyerId: promised.buyerId,
        amount,
        date: addDays(asOf, 5),
        documents: [promised.number],
        graceDays: 3,
        notes: 'phone call with AP',
        by: 'demo',
      },
      asOf,
    );
    if (p.ok)
      notes.push(`${p.value.id}: ${promised.buyerId} promises to pay ${promised.number} by ${p.value.promisedDate}`);
  }
  if (ids[3] !== undefined) {
    const z = await pauseBuyer(
      store,
      { buyerId: ids[3], until: addDays(asOf, 14), reason: 'restructuring talks', by: 'demo' },
      asOf,
    );
    if (z.ok) notes.push(`${ids[3]}: dunning paused until ${addDays(asOf, 14)}`);
  }
  return notes;
}
