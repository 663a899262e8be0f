import type { Reversal, Stored, WriteOff } from '@credence/app';
import {
  type Allocation,
  addDays,
  type BusinessDate,
  type Buyer,
  date,
  type LedgerDocument,
  openItemsAsOf,
  type Payment,
  planAllocation,
} from '@credence/core';
import { EUR, JPY, USD } from './fixtures';

/** A small, coherent random ledger: what the app's use cases would have written. */
export interface Ledger {
  buyers: Buyer[];
  documents: Stored<LedgerDocument>[];
  payments: Stored<Payment>[];
  allocations: Allocation[];
  writeOffs: Stored<WriteOff>[];
  reversals: Stored<Reversal>[];
}

/** mulberry32: a tiny seeded generator so a failing seed reproduces. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  return { next, int, pick: <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)] as T };
}

const START = date('2023-12-01');
const keyed = <T extends object>(x: T, key: string): T & { idempotencyKey: string; contentHash: string } => ({
  ...x,
  idempotencyKey: key,
  contentHash: `h:${key}`,
});

export function generateLedger(seed: number): Ledger {
  const r = rng(seed);
  const currencies = [EUR, USD, JPY];
  const buyers: Buyer[] = Array.from({ length: 4 }, (_, i) => ({
    id: `B${i}`,
    name: `Buyer ${i}`,
    country: 'DE',
    currency: r.pick(currencies),
    paymentTermsDays: r.pick([0, 30, 31, 60]),
  }));
  const documents: Stored<LedgerDocument>[] = [];
  const allocations: Allocation[] = [];
  const payments: Stored<Payment>[] = [];
  const writeOffs: Stored<WriteOff>[] = [];
  const reversals: Stored<Reversal>[] = [];
  const day = () => addDays(START, r.int(0, 150));
  const amount = () => (r.next() < 0.05 ? 2n ** 55n + BigInt(r.int(0, 999)) : BigInt(r.int(1, 1_000_000)));

  for (let i = 0; i < r.int(8, 25); i++) {
    const b = r.pick(buyers);
    const issue = day();
    const credit = r.next() < 0.2;
    documents.push(
      keyed(
        {
          number: `${credit ? 'CN' : 'INV'}-${i}`,
          buyerId: b.id,
          type: credit ? ('credit_note' as const) : ('invoice' as const),
          issueDate: issue,
          dueDate: addDays(issue, r.pick([0, 30, 31, 60, b.paymentTermsDays])),
          amount: credit ? BigInt(r.int(1, 300_000)) : amount(),
          currency: r.next() < 0.85 ? b.currency : r.pick(currencies),
        },
        `doc:${i}`,
      ),
    );
  }
  const openNow = () => openItemsAsOf(documents, allocations, date('9999-12-31'));
  const row = (a: Omit<Allocation, 'buyerId' | 'currency'>, d: LedgerDocument): Allocation => ({
    ...a,
    buyerId: d.buyerId,
    currency: d.currency,
  });
  const byNumber = (n: string) => documents.find((d) => d.number === n) as LedgerDocument;

  for (let i = 0; i < r.int(5, 20); i++) {
    const b = r.pick(buyers);
    const cur = r.next() < 0.85 ? b.currency : r.pick(currencies);
    const items = openNow().filter((o) => o.buyerId === b.id && o.currency === cur && o.type === 'invoice');
    const named = items.length > 0 && r.next() < 0.5 ? r.pick(items) : undefined;
    const paidOn = named ? addDays(named.issueDate, r.int(0, 90)) : day();
    const amt = named && r.next() < 0.6 ? named.open : BigInt(r.int(1, 900_000));
    const p = keyed(
      {
        id: `P-${i}`,
        buyerId: b.id,
        date: paidOn,
        amount: amt,
        currency: cur,
        ...(named ? { documentNumber: named.number } : {}),
      },
      `pay:${i}`,
    );
    payments.push(p);
    const plan = planAllocation(p, items);
    for (const a of plan.allocations) {
      allocations.push(
        row(
          { kind: 'payment', entryId: p.id, documentNumber: a.documentNumber, date: a.date, delta: -a.amount },
          byNumber(a.documentNumber),
        ),
      );
    }
  }

  for (const note of documents.filter((d) => d.type === 'credit_note')) {
    const target = openNow().find(
      (o) => o.type === 'invoice' && o.buyerId === note.buyerId && o.currency === note.currency && o.open > 0n,
    );
    if (!target || r.next() < 0.3) continue;
    const x = target.open < note.amount ? target.open : note.amount;
    const on = target.issueDate > note.issueDate ? target.issueDate : note.issueDate;
    const base = { kind: 'credit_note' as const, entryId: note.number, date: on };
    allocations.push(row({ ...base, documentNumber: target.number, delta: -x }, byNumber(target.number)));
    allocations.push(row({ ...base, documentNumber: note.number, delta: x }, note));
  }

  for (const [i, item] of openNow()
    .filter((o) => o.type === 'invoice' && o.open > 0n)
    .entries()) {
    if (r.next() > 0.25) continue;
    const w = keyed(
      {
        id: `W-${i}`,
        documentNumber: item.number,
        date: addDays(item.dueDate, r.int(0, 60)),
        amount: item.open,
        reason: 'r',
      },
      `wo:${i}`,
    );
    writeOffs.push(w);
    allocations.push(
      row(
        { kind: 'write_off', entryId: w.id, documentNumber: item.number, date: w.date, delta: -item.open },
        byNumber(item.number),
      ),
    );
  }

  const reverse = (kind: 'payment' | 'write_off', targetId: string, after: BusinessDate, i: number) => {
    const on = addDays(after, r.int(0, 40));
    reversals.push(keyed({ id: `R-${kind}-${i}`, kind, targetId, date: on, reason: 'bounced' }, `rv:${kind}:${i}`));
    const mine = allocations.filter((a) => a.kind === kind && a.entryId === targetId);
    for (const a of mine) allocations.push({ ...a, date: on > a.date ? on : a.date, delta: -a.delta });
  };
  payments.forEach((p, i) => {
    if (r.next() < 0.2) reverse('payment', p.id, p.date, i);
  });
  writeOffs.forEach((w, i) => {
    if (r.next() < 0.3) reverse('write_off', w.id, w.date, i);
  });
  return { buyers, documents, payments, allocations, writeOffs, reversals };
}
