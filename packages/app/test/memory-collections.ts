import {
  type Allocation,
  type BusinessDate,
  type CollectionEvent,
  type DunnableItem,
  type LedgerDocument,
  openItemsAsOf,
  type Payment,
  type StoredTask,
} from '@credence/core';
import type {
  CollectionsReads,
  CollectionsWrites,
  Delivery,
  OutboxEntry,
  RecordedLetter,
  Reduction,
} from '../src/collections/ports';
import { LetterConflict } from '../src/collections/ports';

/** The collections part of the in-memory store. */
export interface CollectionsMem {
  events: CollectionEvent[];
  letters: RecordedLetter[];
  outbox: Map<string, OutboxEntry>;
  deliveries: Delivery[];
  /** When each outbox entry was last claimed (ms since the epoch). */
  claims: Map<string, number>;
  tasks: Map<string, StoredTask>;
  /** Live dunning runs, with how many documents the store held then (to find history imported since). */
  runs: { asOf: BusinessDate; confirmed: boolean; documentsHeld: number }[];
}

export const emptyCollections = (): CollectionsMem => ({
  events: [],
  letters: [],
  outbox: new Map(),
  deliveries: [],
  claims: new Map(),
  tasks: new Map(),
  runs: [],
});

export const copyCollections = (c: CollectionsMem): CollectionsMem => ({
  events: [...c.events],
  letters: [...c.letters],
  outbox: new Map(c.outbox),
  deliveries: [...c.deliveries],
  claims: new Map(c.claims),
  tasks: new Map(c.tasks),
  runs: [...c.runs],
});

interface Ledger {
  documents: Map<string, LedgerDocument>;
  allocations: Allocation[];
  payments: Map<string, Payment>;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function collectionsReads(s: () => CollectionsMem, l: () => Ledger): CollectionsReads {
  const withOutbox = (r: RecordedLetter): RecordedLetter => ({
    ...r,
    outbox: [...s().outbox.values()].filter((o) => o.letterId === r.letter.id).sort(byId),
  });
  return {
    dunnableItems: async (asOf, dueBy) =>
      openItemsAsOf([...l().documents.values()], l().allocations, asOf)
        .filter((i) => i.type === 'invoice' && i.open > 0n && i.dueDate <= dueBy)
        .map(
          (i): DunnableItem => ({
            number: i.number,
            buyerId: i.buyerId,
            currency: i.currency,
            dueDate: i.dueDate,
            open: i.open,
          }),
        ),
    openCreditNotes: async (asOf, buyerIds) =>
      openItemsAsOf([...l().documents.values()], l().allocations, asOf)
        .filter((i) => i.type === 'credit_note' && i.open < 0n && buyerIds.includes(i.buyerId))
        .map((i) => ({
          kind: 'credit_note' as const,
          reference: i.number,
          date: i.issueDate,
          currency: i.currency,
          amount: -i.open,
          buyerId: i.buyerId,
        })),
    documentReductions: async (numbers, asOf) => {
      const sums = new Map<string, Reduction>();
      for (const a of l().allocations) {
        if (!numbers.includes(a.documentNumber) || a.date > asOf) continue;
        const credit = a.kind === 'credit_note';
        const k = `${a.documentNumber}|${a.date}|${credit}`;
        const cur = sums.get(k) ?? { number: a.documentNumber, date: a.date, amount: 0n, credit };
        sums.set(k, { ...cur, amount: cur.amount - a.delta });
      }
      const key = (r: Reduction) => `${r.number}|${r.date}|${r.credit ? 1 : 0}`;
      return [...sums.values()].filter((r) => r.amount !== 0n).sort((a, b) => (key(a) < key(b) ? -1 : 1));
    },
    collectionEvents: async (buyerId) =>
      s()
        .events.map((event, i) => ({ seq: i + 1, event }))
        .filter((e) => buyerId === undefined || e.event.buyerId === buyerId),
    latestLetterDate: async () =>
      s()
        .letters.map((r) => r.letter.date)
        .sort()
        .at(-1),
    lastLetters: async (asOf) => {
      const last = new Map<string, { number: string; levelId: string; asOf: BusinessDate; deadline: BusinessDate }>();
      for (const { letter } of s().letters.filter((r) => r.letter.date <= asOf))
        for (const line of letter.lines) {
          const cur = last.get(line.number);
          if (cur === undefined || cur.asOf <= letter.date)
            last.set(line.number, {
              number: line.number,
              levelId: line.level?.id ?? letter.levelId,
              asOf: letter.date,
              deadline: line.deadline ?? letter.deadline,
            });
        }
      const levels = (n: string) =>
        [
          ...new Set(
            s()
              .letters.filter((r) => r.letter.date <= asOf)
              .flatMap((r) => r.letter.lines.filter((x) => x.number === n).map((x) => x.level?.id ?? r.letter.levelId)),
          ),
        ].sort();
      return [...last.values()].map((x) => ({ ...x, levels: levels(x.number) }));
    },
    lastConfirmedRun: async () => {
      const run = s()
        .runs.filter((r) => r.confirmed)
        .at(-1);
      return run ? { asOf: run.asOf } : undefined;
    },
    backdatedInvoices: async () => {
      const run = s()
        .runs.filter((r) => r.confirmed)
        .at(-1);
      if (run === undefined) return [];
      return [...l().documents.values()]
        .slice(run.documentsHeld)
        .filter((d) => d.type === 'invoice' && d.dueDate < run.asOf)
        .map((d) => d.number)
        .sort();
    },
    findLetters: async (ids) =>
      s()
        .letters.filter((r) => ids.includes(r.letter.id))
        .map(withOutbox),
    lettersOn: async (asOf) =>
      s()
        .letters.filter((r) => r.letter.date === asOf)
        .map(withOutbox),
    lettersOf: async (buyerId) =>
      s()
        .letters.filter((r) => r.letter.debtor.id === buyerId)
        .map(withOutbox),
    letterIdsOfDocuments: async (numbers) => {
      const wanted = new Set(numbers);
      return s().letters.flatMap((r) =>
        r.letter.lines.filter((l) => wanted.has(l.number)).map((l) => ({ document: l.number, letterId: r.letter.id })),
      );
    },
    outboxEntries: async (statuses) => [...s().outbox.values()].filter((o) => statuses.includes(o.status)).sort(byId),
    deliveriesOf: async (buyerId) =>
      s().deliveries.flatMap((d) => {
        const o = s().outbox.get(d.outboxId);
        const letter = s().letters.find((r) => r.letter.id === o?.letterId);
        return o && letter?.letter.debtor.id === buyerId ? [{ ...d, letterId: o.letterId }] : [];
      }),
    paymentsOf: async (buyerId) =>
      [...l().payments.values()]
        .filter((p) => p.buyerId === buyerId)
        .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : byId(a, b))),
    worklistTasks: async ({ states, keys = [] }) =>
      [...s().tasks.values()]
        .filter((t) => states.includes(t.state) || keys.includes(t.key))
        .sort((a, b) => (a.openedOn < b.openedOn ? -1 : a.openedOn > b.openedOn ? 1 : a.key < b.key ? -1 : 1)),
  };
}

export function collectionsWrites(s: () => CollectionsMem, documentsHeld: () => number): CollectionsWrites {
  return {
    recordDunningRun: async (run) => {
      s().runs.push({ asOf: run.asOf, confirmed: run.confirmed, documentsHeld: documentsHeld() });
    },
    appendCollectionEvents: async (events) => {
      for (const e of events) {
        if ('id' in e && s().events.some((x) => x.kind === e.kind && 'id' in x && x.id === e.id))
          throw new Error(`duplicate ${e.kind} ${e.id}`);
        s().events.push(e);
      }
    },
    insertLetters: async (letters) => {
      for (const r of letters) {
        for (const line of r.letter.lines)
          if (
            s().letters.some(
              (x) => x.letter.date === r.letter.date && x.letter.lines.some((l) => l.number === line.number),
            )
          )
            throw new LetterConflict(line.number);
        if (s().letters.some((x) => x.letter.id === r.letter.id)) throw new LetterConflict();
        s().letters.push({ ...r, outbox: [] });
        for (const o of r.outbox) s().outbox.set(o.id, o);
      }
    },
    claimOutbox: async (id, from, reclaimAfterSeconds) => {
      const o = s().outbox.get(id);
      if (o === undefined) return false;
      const claimed = s().claims.get(id);
      const stale =
        o.status === 'sending' && claimed !== undefined && Date.now() - claimed >= reclaimAfterSeconds * 1000;
      if (!from.includes(o.status) && !stale) return false;
      s().outbox.set(id, { ...o, status: 'sending' });
      s().claims.set(id, Date.now());
      return true;
    },
    recordDelivery: async (d) => {
      const o = s().outbox.get(d.outboxId);
      if (o === undefined) throw new Error(`no outbox entry ${d.outboxId}`);
      s().deliveries.push(d);
      s().outbox.set(o.id, { ...o, status: d.status, attempts: o.attempts + 1 });
    },
    saveWorklistTasks: async (tasks) => {
      for (const t of tasks) s().tasks.set(t.key, t);
    },
  };
}
