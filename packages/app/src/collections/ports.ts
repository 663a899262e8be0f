import type {
  BusinessDate,
  CollectionEvent,
  DunnableItem,
  OpenCredit,
  Payment,
  StoredTask,
  TaskState,
} from '@credence/core';
import type { Recorded } from '../ports';
import type { Letter } from './letter';

/** One thing to deliver for a letter: an e-mail, a PDF to print and post, a case file for the agency. */
export interface OutboxEntry {
  readonly id: string;
  readonly letterId: string;
  readonly kind: 'email' | 'print' | 'case_file' | 'sms';
  readonly recipient?: string;
  readonly status: 'pending' | 'sending' | 'sent' | 'written' | 'failed';
  readonly attempts: number;
}

/** A letter as the run recorded it (the data it states) with what is to be delivered. */
export interface RecordedLetter {
  readonly letter: Letter;
  readonly policyId: string;
  readonly outbox: readonly OutboxEntry[];
}

/** One delivery attempt and its outcome (every attempt is kept). */
export interface Delivery {
  readonly outboxId: string;
  readonly status: 'sent' | 'written' | 'failed';
  readonly channel: string;
  readonly detail: string;
  readonly date: BusinessDate;
}

/** A reduction of a document's balance on a date: by credit notes (`credit`), or by payments and write-offs. */
export interface Reduction {
  readonly number: string;
  readonly date: BusinessDate;
  readonly amount: bigint;
  readonly credit: boolean;
}

export interface LastLetterRow {
  readonly number: string;
  readonly levelId: string;
  readonly asOf: BusinessDate;
  readonly deadline: BusinessDate;
  /** Every level the document has had a letter at, on or before the date. */
  readonly levels: readonly string[];
}

export interface RecordedEvent {
  readonly seq: number;
  readonly event: CollectionEvent;
}

export interface CollectionsReads {
  /** Invoices with a positive balance as of the date and due on or before `dueBy`, with the open balance. */
  dunnableItems(asOf: BusinessDate, dueBy: BusinessDate): Promise<DunnableItem[]>;
  /** Credit notes of these buyers with a balance in the buyer's favour as of the date (amount positive). */
  openCreditNotes(asOf: BusinessDate, buyerIds: readonly string[]): Promise<(OpenCredit & { buyerId: string })[]>;
  /** What reduced these documents' balances per date (net of reversals), dated ≤ asOf; credit notes apart. */
  documentReductions(numbers: readonly string[], asOf: BusinessDate): Promise<Reduction[]>;
  /** Collection events in recording order; of one buyer, or all. */
  collectionEvents(buyerId?: string): Promise<RecordedEvent[]>;
  /** Each document's most recent letter dated on or before the date. */
  lastLetters(asOf: BusinessDate): Promise<LastLetterRow[]>;
  /** The date of the latest recorded letter, if any. */
  latestLetterDate(): Promise<BusinessDate | undefined>;
  /** The latest live dunning run recorded as confirmed (`--confirm`, or a policy with firstRun "send"), if any. */
  lastConfirmedRun(): Promise<{ readonly asOf: BusinessDate } | undefined>;
  /** Invoices recorded after the latest confirmed run and due before its date: history imported since. */
  backdatedInvoices(): Promise<string[]>;
  /** Letters by id (with their outbox). */
  findLetters(ids: readonly string[]): Promise<RecordedLetter[]>;
  /** The letters of a run date. */
  lettersOn(asOf: BusinessDate): Promise<RecordedLetter[]>;
  /** A buyer's letters, oldest first. */
  lettersOf(buyerId: string): Promise<RecordedLetter[]>;
  /** The letters that listed these documents (cash matching: the references printed for them), by document. */
  letterIdsOfDocuments(numbers: readonly string[]): Promise<{ document: string; letterId: string }[]>;
  /** Outbox entries in these states, by id. */
  outboxEntries(statuses: readonly OutboxEntry['status'][]): Promise<OutboxEntry[]>;
  /** Delivery attempts of a buyer's letters, in order. */
  deliveriesOf(buyerId: string): Promise<(Delivery & { letterId: string })[]>;
  /** A buyer's payments, by date. */
  paymentsOf(buyerId: string): Promise<Recorded<Payment>[]>;
  /** Worklist tasks in these states, and those with these keys (whatever their state), by opening date and key. */
  worklistTasks(q: { readonly states: readonly TaskState[]; readonly keys?: readonly string[] }): Promise<StoredTask[]>;
}

/** A document already has a letter dated the same day (another run recorded it meanwhile). */
export class LetterConflict extends Error {
  constructor(readonly documentNumber?: string) {
    super(`a letter of the same date already names ${documentNumber ?? 'one of these documents'}`);
    this.name = 'LetterConflict';
  }
}

export interface CollectionsWrites {
  /** Appends events; an event about the same thing twice (kind + id) is refused by the store. */
  appendCollectionEvents(events: readonly CollectionEvent[]): Promise<void>;
  /** Records letters with their items and outbox entries (all pending); `LetterConflict` if a document already has a letter that date. */
  insertLetters(letters: readonly RecordedLetter[]): Promise<void>;
  /** Records a live dunning run: its date, whether it was confirmed, how many letters it recorded. */
  recordDunningRun(run: { asOf: BusinessDate; confirmed: boolean; letters: number }): Promise<void>;
  /**
   * Claims an outbox entry for delivery (→ sending) if it is in one of `from`, or was claimed more than
   * `reclaimAfterSeconds` ago without an outcome; false when someone else has it (or it is done).
   */
  claimOutbox(id: string, from: readonly OutboxEntry['status'][], reclaimAfterSeconds: number): Promise<boolean>;
  /** Appends a delivery attempt and moves its outbox entry to the outcome's status. */
  recordDelivery(delivery: Delivery): Promise<void>;
  /** Saves worklist tasks: new keys are inserted, known ones take the new state and figures. */
  saveWorklistTasks(tasks: readonly StoredTask[]): Promise<void>;
}
