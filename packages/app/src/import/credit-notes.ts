import {
  type Allocation,
  applyCreditNote,
  type BusinessDate,
  type CreditNoteApplication,
  type CreditNoteTarget,
  type LedgerDocument,
  type Result,
} from '@credence/core';
import type { LedgerWrites } from '../ports';
import { lookUp } from './errors';

/** Later than any allocation: reductions "as of" it are all of a document's rows. */
const END_OF_TIME = '9999-12-31' as BusinessDate;

/**
 * The documents that the new credit notes of one import name in `applies_to`, with the open balances of
 * the invoices among them, read once the file's documents are written (so a target written by the same
 * file is found like a stored one). The notes are then applied in row order, each lowering its invoice's
 * balance for the notes after it. A target the same file writes counts only for the notes below it
 * (`writtenAt` gives its row). The decision itself is core's `applyCreditNote`.
 */
export class CreditNoteTargets {
  readonly allocations: Allocation[] = [];

  private constructor(
    private readonly docs: ReadonlyMap<string, LedgerDocument>,
    private readonly open: Map<string, bigint>,
    private readonly writtenAt: (number: string) => number | undefined,
  ) {}

  /**
   * Loads the named documents and the open balance of the invoices among them (face value less all their
   * rows). `unwritten`: documents of the file held back by a row error (an unknown buyer), targets all the same.
   */
  static async load(
    tx: LedgerWrites,
    appliesTo: Iterable<string>,
    writtenAt: (number: string) => number | undefined,
    unwritten: ReadonlyMap<string, LedgerDocument> = new Map(),
  ): Promise<CreditNoteTargets> {
    const docs = new Map<string, LedgerDocument>(unwritten);
    for (const d of await lookUp(appliesTo, (n) => tx.findDocuments(n))) docs.set(d.number, d);
    const open = new Map<string, bigint>();
    for (const d of docs.values()) if (d.type === 'invoice') open.set(d.number, d.amount);
    for (const r of await lookUp(open.keys(), (n) => tx.documentReductions(n, END_OF_TIME)))
      open.set(r.number, (open.get(r.number) ?? 0n) - r.amount);
    return new CreditNoteTargets(docs, open, writtenAt);
  }

  /** Applies a new credit note (of file row `row`) to the invoice it names; on success its allocation pair is kept. */
  apply(note: LedgerDocument & { readonly appliesTo: string }, row: number): Result<CreditNoteApplication> {
    const r = applyCreditNote(note, this.target(note.appliesTo, row));
    if (r.ok && r.value.applied > 0n) {
      this.open.set(note.appliesTo, (this.open.get(note.appliesTo) ?? 0n) - r.value.applied);
      for (const a of r.value.allocations) this.allocations.push(a);
    }
    return r;
  }

  private target(number: string, row: number): CreditNoteTarget | undefined {
    const d = this.docs.get(number);
    const at = this.writtenAt(number);
    if (d === undefined || (at !== undefined && at >= row)) return undefined;
    const { buyerId, type, currency, issueDate } = d;
    const open = this.open.get(number) ?? 0n;
    return { number, buyerId, type, currency, issueDate, open: open > 0n ? open : 0n };
  }
}
