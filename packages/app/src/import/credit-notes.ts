import {
  type Allocation,
  applyCreditNote,
  type CreditNoteApplication,
  type CreditNoteTarget,
  type LedgerDocument,
  type Result,
} from '@credence/core';
import type { LedgerWrites } from '../ports';
import { lookUp } from './errors';

/**
 * The invoices that new credit notes of one import name in `applies_to`, with their open balances,
 * kept while the file is walked in row order: an invoice is a target if it is stored or earlier in the
 * file, and each application lowers its balance for the notes after it. The decision itself is core's
 * `applyCreditNote`.
 */
export class CreditNoteTargets {
  private readonly earlier = new Map<string, LedgerDocument>();
  readonly allocations: Allocation[] = [];

  private constructor(
    private readonly named: ReadonlySet<string>,
    private readonly stored: ReadonlyMap<string, LedgerDocument>,
    private readonly open: Map<string, bigint>,
  ) {}

  /** Loads the stored documents named by `appliesTo` and the open balances of the stored invoices among them. */
  static async load(tx: LedgerWrites, appliesTo: Iterable<string>): Promise<CreditNoteTargets> {
    const named = new Set(appliesTo);
    const stored = new Map((await lookUp(named, (n) => tx.findDocuments(n))).map((d) => [d.number, d]));
    const buyers = [...stored.values()].filter((d) => d.type === 'invoice').map((d) => d.buyerId);
    const open = new Map<string, bigint>();
    for (const i of await lookUp(buyers, (b) => tx.openInvoices(b)))
      if (stored.has(i.number)) open.set(i.number, i.open);
    return new CreditNoteTargets(named, stored, open);
  }

  /** A new document of the file, seen in row order: a later credit note may name it. */
  seen(d: LedgerDocument): void {
    if (!this.named.has(d.number) || this.stored.has(d.number) || this.earlier.has(d.number)) return;
    this.earlier.set(d.number, d);
    if (d.type === 'invoice') this.open.set(d.number, d.amount);
  }

  /** Applies a new credit note to the invoice it names; on success its allocation pair is kept for writing. */
  apply(note: LedgerDocument & { readonly appliesTo: string }): Result<CreditNoteApplication> {
    const r = applyCreditNote(note, this.target(note.appliesTo));
    if (r.ok && r.value.applied > 0n) {
      this.open.set(note.appliesTo, (this.open.get(note.appliesTo) ?? 0n) - r.value.applied);
      for (const a of r.value.allocations) this.allocations.push(a);
    }
    return r;
  }

  private target(number: string): CreditNoteTarget | undefined {
    const d = this.stored.get(number) ?? this.earlier.get(number);
    if (d === undefined) return undefined;
    const { buyerId, type, currency, issueDate } = d;
    return { number, buyerId, type, currency, issueDate, open: this.open.get(number) ?? 0n };
  }
}
