import type { Allocation, BusinessDate, Payment, Result } from '@credence/core';
import { paymentKey, paymentProblems } from '../entries/check-payment';
import { lockAllLedgers } from '../entries/ledger-lock';
import { OpenBalances } from '../entries/open-balances';
import type { DocumentRef, LedgerWrites, OpenInvoice, Store, Stored } from '../ports';
import { chunks, type Keyed, transactOrReject } from './errors';
import { FileKeys } from './file-keys';
import type { Mapping } from './mapping';
import { OpenInvoiceColumns } from './open-invoice-columns';
import { parsePayment } from './parse-rows';
import { PaymentColumns } from './payment-columns';
import { type Parsed, type StreamedSource, streamSource } from './read-source';
import { paymentHash } from './row-hash';
import type { ImportFailure, ImportOptions, ImportSummary, RowSource } from './source';

const refKey = (r: DocumentRef): string => `${r.number}\u0000${r.buyerId}\u0000${r.currency}`;

type Source = StreamedSource<Payment>;

/**
 * Imports payments, all or nothing, and allocates the new ones in (date, id) order against the open
 * invoices of their buyers (core `planAllocation`); cash not allocated stays unapplied on the payment.
 * A payment id already stored (or earlier in the file) with other content is an `idempotency_conflict`.
 *
 * The file is streamed in parts of `chunkSize` rows: each part is parsed, hashed and checked (in-file
 * repeats, stored ids unless none is stored, unknown buyers) and its new payments are kept by column
 * (`PaymentColumns`), not as objects; the named documents are checked once the file is read, in one look-up. A payment only ever settles invoices of its own
 * buyer, so (date, id) order within each buyer is the file's allocation order: once the file is read,
 * the buyers' open invoices are read (before any write, so a first load keeps its indexes off until
 * the end), and the buyers are allocated and written a group at a time (about `chunkSize` payments:
 * payments, their rows, the closings), the next group being allocated while the store writes the last.
 */
export async function importPayments(
  store: Store,
  source: RowSource,
  mapping?: Mapping,
  options: ImportOptions = {},
): Promise<Result<ImportSummary, ImportFailure>> {
  const partRows = options.chunkSize ?? 20_000;
  const read = streamSource('payments', source, mapping, options, parsePayment, partRows);
  return transactOrReject(store, read.errors, async (tx, ensureClean) => {
    const seen = new FileKeys();
    const buyers = new Map<string, boolean>();
    const fresh = new PaymentColumns();
    const storedBefore = await tx.hasEntries('payment');
    let unchanged = 0;
    for await (const part of read.parts) {
      const { keyed, repeats } = inFile(part, seen, read);
      unchanged += repeats;
      const stored = storedBefore ? await storedHashes(tx, keyed) : new Map<string, string>();
      const mine: Keyed<Payment>[] = [];
      for (const k of keyed) {
        const before = stored.get(k.value.id);
        if (before === undefined) mine.push(k);
        else if (before === k.hash) unchanged += 1;
        else
          read.rowError(k.row, 'payment_id', k.value.id, 'idempotency_conflict', {
            against: 'store',
            key: paymentKey(k.value.id),
          });
      }
      await askBuyers(tx, mine, buyers);
      for (const k of mine) fresh.add(k.row, k.value, k.hash);
    }
    await checkReferences(tx, fresh, buyers, read);
    ensureClean();
    await lockAllLedgers(tx); // a payment recorded meanwhile must not settle what this file settles
    const open = await openInvoicesOf(tx, [...fresh.byBuyer.keys()]);
    let allocated = 0;
    let writing: Promise<void> = Promise.resolve();
    for (const group of buyerGroups(fresh, partRows)) {
      const settlement = allocate(fresh, group, open);
      allocated += settlement.allocations.length;
      await writing; // the previous group's COPYs: the connection is free again
      writing = tx.insertSettlements(settlement);
      writing.catch(() => {}); // awaited before the next write; not an unhandled rejection meanwhile
    }
    await writing;
    const { rows, skipped } = read.counts();
    return {
      kind: 'payments' as const,
      file: source.file,
      rows,
      skipped,
      created: fresh.size,
      updated: 0,
      unchanged,
      allocations: allocated,
    };
  });
}

/** Hashes a part's rows and leaves out the ids seen earlier in the file: a repeat, or a conflict (row error). */
function inFile(
  part: readonly Parsed<Payment>[],
  seen: FileKeys,
  read: Source,
): { keyed: Keyed<Payment>[]; repeats: number } {
  const keyed: Keyed<Payment>[] = [];
  let repeats = 0;
  for (const { row, value: p } of part) {
    const hash = paymentHash(p);
    const first = seen.get(p.id);
    if (first === undefined) {
      seen.add(p.id, row, hash);
      keyed.push({ row, value: p, hash });
    } else if (first.hash === hash) repeats += 1;
    else
      read.rowError(row, 'payment_id', p.id, 'idempotency_conflict', {
        against: 'file',
        firstRow: first.row,
        key: paymentKey(p.id),
      });
  }
  return { keyed, repeats };
}

async function storedHashes(tx: LedgerWrites, rows: readonly Keyed<Payment>[]): Promise<Map<string, string>> {
  const found = await tx.storedHashes(
    'payment',
    rows.map((r) => r.value.id),
  );
  return new Map(found.map((s) => [s.key, s.contentHash]));
}

/** Looks up the buyers not met before in the file (`known`: id → stored). */
async function askBuyers(
  tx: LedgerWrites,
  rows: readonly Keyed<Payment>[],
  known: Map<string, boolean>,
): Promise<void> {
  const ask = new Set<string>();
  for (const r of rows) if (!known.has(r.value.buyerId)) ask.add(r.value.buyerId);
  if (ask.size === 0) return;
  const unknown = new Set(await tx.unknownBuyers([...ask]));
  for (const b of ask) known.set(b, !unknown.has(b));
}

/**
 * Unknown buyers, and named documents missing or of another buyer or currency: the documents of the whole
 * file in one look-up (staged once, not once per part).
 */
async function checkReferences(
  tx: LedgerWrites,
  fresh: PaymentColumns,
  known: ReadonlyMap<string, boolean>,
  read: Source,
): Promise<void> {
  const refs: DocumentRef[] = [];
  for (let i = 0; i < fresh.size; i += 1) {
    const p = fresh.reference(i);
    if (p.documentNumber !== undefined)
      refs.push({ number: p.documentNumber, buyerId: p.buyerId, currency: p.currency });
  }
  // Only the named documents that are missing or differ come back; the others match the payment.
  const wrong = new Map((await tx.documentMismatches(refs)).map((m) => [refKey(m.ref), m.stored]));
  refs.length = 0;
  for (let i = 0; i < fresh.size; i += 1) {
    const p = fresh.reference(i);
    const buyer = known.get(p.buyerId) === false ? undefined : { id: p.buyerId };
    let named: DocumentRef | undefined;
    if (p.documentNumber !== undefined) {
      const ref = { number: p.documentNumber, buyerId: p.buyerId, currency: p.currency };
      const key = refKey(ref);
      named = wrong.has(key) ? wrong.get(key) : ref;
    }
    for (const e of paymentProblems(p, buyer, named)) {
      const value = e.field === 'buyer_id' ? p.buyerId : e.field === 'currency' ? p.currency : (p.documentNumber ?? '');
      read.rowError(p.row, e.field, value, e.code, e.params);
    }
  }
}

/** The open invoices of these buyers, read in batches before anything is written, kept by column. */
async function openInvoicesOf(tx: LedgerWrites, buyerIds: readonly string[]): Promise<OpenInvoiceColumns> {
  const out = new OpenInvoiceColumns();
  for (const batch of chunks(buyerIds, 10_000)) for (const inv of await tx.openInvoices(batch)) out.add(inv);
  return out;
}

/** The buyers in file order, in groups of whole buyers holding at least `size` payments (the last fewer). */
function* buyerGroups(payments: PaymentColumns, size: number): Generator<string[]> {
  let group: string[] = [];
  let n = 0;
  for (const [buyerId, indexes] of payments.byBuyer) {
    group.push(buyerId);
    n += indexes.length;
    if (n >= size) {
      yield group;
      group = [];
      n = 0;
    }
  }
  if (group.length > 0) yield group;
}

/**
 * Allocates the payments of a group of buyers in (date, id) order against their open invoices (which
 * no other group's payment can touch) and releases those invoices.
 */
function allocate(
  payments: PaymentColumns,
  group: readonly string[],
  open: OpenInvoiceColumns,
): {
  payments: Stored<Payment>[];
  allocations: Allocation[];
  closed: ReturnType<OpenBalances['closings']>;
  touched: ReturnType<OpenBalances['touched']>;
  applied: { id: string; appliedOn: BusinessDate }[];
} {
  const invoices: OpenInvoice[] = [];
  const order: number[] = [];
  for (const buyerId of group) {
    for (const inv of open.take(buyerId)) invoices.push(inv);
    for (const i of payments.byBuyer.get(buyerId) ?? []) order.push(i);
  }
  const balances = new OpenBalances(invoices);
  const rows: Stored<Payment>[] = [];
  const allocations: Allocation[] = [];
  const applied: { id: string; appliedOn: BusinessDate }[] = [];
  // Written in file order within the group (usually the id order, local inserts into the key indexes).
  for (const i of order) rows.push(payments.stored(i));
  const positions = Uint32Array.from(order.keys()).sort((a, b) =>
    payments.compare(order[a] as number, order[b] as number),
  );
  for (const k of positions) {
    const p = rows[k] as Stored<Payment>;
    const plan = balances.allocate(p);
    let last = p.date;
    for (const a of plan.allocations) {
      allocations.push(a);
      if (a.date > last) last = a.date;
    }
    if (plan.unapplied === 0n) applied.push({ id: p.id, appliedOn: last });
  }
  return { payments: rows, allocations, closed: balances.closings(), touched: balances.touched(), applied };
}
