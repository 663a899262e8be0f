import type { LedgerDocument, Result } from '@credence/core';
import { lockAllLedgers } from '../entries/ledger-lock';
import type { LedgerWrites, Store, Stored } from '../ports';
import { CreditNoteTargets } from './credit-notes';
import { chunks, type Keyed, transactOrReject } from './errors';
import { FileKeys } from './file-keys';
import type { Mapping } from './mapping';
import { parseDocument } from './parse-rows';
import { type Parsed, type StreamedSource, streamSource } from './read-source';
import { documentHash } from './row-hash';
import type { ImportFailure, ImportOptions, ImportSummary, RowSource } from './source';

export const documentKey = (number: string): string => `document:${number}`;

type Note = LedgerDocument & { readonly appliesTo: string };

/**
 * Imports invoices and credit notes, all or nothing. A document number already stored (or earlier in
 * the file) with the same content is unchanged; with other content it is a `document_conflict`.
 * A new credit note naming an invoice in `applies_to` (stored, or earlier in the file) is applied to
 * it in the same transaction (core `applyCreditNote`): up to the invoice's open balance after every
 * recorded allocation and the applications earlier in the file; the rest stays open on the note.
 *
 * The file is streamed: each part of `chunkSize` rows is parsed, checked and written by COPY while the
 * next part is parsed (on PostgreSQL the server loads one part while this process reads the next), so
 * memory holds one part and an entry per document number (for in-file repeats), not the whole file.
 * Rows with errors are never written, and any error rolls the whole transaction back.
 */
export async function importDocuments(
  store: Store,
  source: RowSource,
  mapping?: Mapping,
  options: ImportOptions = {},
): Promise<Result<ImportSummary, ImportFailure>> {
  const read = streamSource('invoices', source, mapping, options, parseDocument, options.chunkSize ?? 20_000);
  return transactOrReject(store, read.errors, async (tx, ensureClean) => {
    const seen = new FileKeys();
    const buyers = new Map<string, boolean>();
    const notes: { row: number; note: Note }[] = [];
    const unwritten = new Map<string, LedgerDocument>();
    // A first load compares nothing with the store: the table was empty when it began.
    const storedBefore = await tx.hasEntries('document');
    let created = 0;
    let unchanged = 0;
    let writing: Promise<void> = Promise.resolve();
    for await (const part of read.parts) {
      const { fresh, repeats } = inFile(part, seen, read);
      unchanged += repeats;
      await writing; // the previous part's COPY: the connection is free again
      await checkBuyers(tx, fresh, buyers, read);
      const stored = storedBefore ? await storedHashes(tx, fresh) : new Map<string, string>();
      const rows: Stored<LedgerDocument>[] = [];
      for (const f of fresh) {
        const d = f.value;
        const before = stored.get(d.number);
        if (before === undefined) {
          seen.written(d.number);
          // The stored row keeps the parsed object: the key and hash are added to it, not to a copy.
          const row = Object.assign(d, { idempotencyKey: documentKey(d.number), contentHash: f.hash });
          if (buyers.get(d.buyerId) === false) unwritten.set(d.number, d);
          else rows.push(row);
          if (d.appliesTo !== undefined) notes.push({ row: f.row, note: d as Note });
        } else if (before === f.hash) unchanged += 1;
        else
          read.rowError(f.row, 'document_number', d.number, 'document_conflict', {
            against: 'store',
            number: d.number,
          });
      }
      created += rows.length;
      writing = rows.length > 0 ? tx.insertDocuments(rows) : Promise.resolve();
      writing.catch(() => {}); // awaited before the next statement; not an unhandled rejection meanwhile
    }
    await writing;
    if (notes.length > 0) await lockAllLedgers(tx); // the notes settle stored invoices: see importPayments
    const targets = await CreditNoteTargets.load(
      tx,
      notes.map((n) => n.note.appliesTo),
      (number) => {
        const s = seen.get(number);
        return s?.fresh ? s.row : undefined;
      },
      unwritten,
    );
    for (const { row, note } of notes) applyNote(targets, note, row, read.rowError);
    ensureClean();
    for (const c of chunks(targets.allocations, options.chunkSize ?? 20_000)) await tx.insertAllocations(c);
    const { rows, skipped } = read.counts();
    return {
      kind: 'invoices' as const,
      file: source.file,
      rows,
      skipped,
      created,
      updated: 0,
      unchanged,
      allocations: targets.allocations.length,
    };
  });
}

type Source = StreamedSource<LedgerDocument>;

/** Hashes a part's rows and leaves out the numbers seen earlier in the file: a repeat, or a conflict (row error). */
function inFile(
  part: readonly Parsed<LedgerDocument>[],
  seen: FileKeys,
  read: Source,
): { fresh: Keyed<LedgerDocument>[]; repeats: number } {
  const fresh: Keyed<LedgerDocument>[] = [];
  let repeats = 0;
  for (const { row, value: d } of part) {
    const hash = documentHash(d);
    const first = seen.get(d.number);
    if (first === undefined) {
      seen.add(d.number, row, hash);
      fresh.push({ row, value: d, hash });
    } else if (first.hash === hash) repeats += 1;
    else
      read.rowError(row, 'document_number', d.number, 'document_conflict', {
        against: 'file',
        firstRow: first.row,
        number: d.number,
      });
  }
  return { fresh, repeats };
}

/** Looks up the buyers not met before in the file (`known`: id → stored) and reports rows naming an unknown one. */
async function checkBuyers(
  tx: LedgerWrites,
  rows: readonly Keyed<LedgerDocument>[],
  known: Map<string, boolean>,
  read: Source,
): Promise<void> {
  const ask = new Set<string>();
  for (const r of rows) if (!known.has(r.value.buyerId)) ask.add(r.value.buyerId);
  if (ask.size > 0) {
    const unknown = new Set(await tx.unknownBuyers([...ask]));
    for (const b of ask) known.set(b, !unknown.has(b));
  }
  for (const { row, value: d } of rows)
    if (known.get(d.buyerId) === false)
      read.rowError(row, 'buyer_id', d.buyerId, 'unknown_buyer', { buyerId: d.buyerId });
}

async function storedHashes(tx: LedgerWrites, rows: readonly Keyed<LedgerDocument>[]): Promise<Map<string, string>> {
  const found = await tx.storedHashes(
    'document',
    rows.map((r) => r.value.number),
  );
  return new Map(found.map((s) => [s.key, s.contentHash]));
}

function applyNote(targets: CreditNoteTargets, note: Note, row: number, rowError: Source['rowError']): void {
  const r = targets.apply(note, row);
  if (r.ok) return;
  if (r.error.code === 'currency_mismatch') rowError(row, 'currency', note.currency, r.error.code, r.error.params);
  else rowError(row, 'applies_to', note.appliesTo, r.error.code, r.error.params);
}
