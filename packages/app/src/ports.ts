import type {
  AllocatableItem,
  Allocation,
  BehaviourSums,
  BucketCell,
  BusinessDate,
  Buyer,
  CurrencyCode,
  ExternalGrade,
  FinancialStatement,
  FxRate,
  Grade,
  GradeOverrideDraft,
  GradeOverrideEvent,
  HoldEvent,
  KpiInputs,
  LedgerDocument,
  LimitEvent,
  Order,
  Payment,
} from '@credence/core';
import type { AuditReads } from './audit/ports';
import type { BankStatementReads, BankStatementWrites } from './bank-statements/ports';
import type { CashApplicationReads, CashApplicationWrites } from './cash-application/ports';
import type { CollectionsReads, CollectionsWrites } from './collections/ports';
import type { CheckResultKeeping, CheckResultReads, CheckResultWrites } from './credit/check-results-ports';
import type { StatementRecordReads, StatementRecordWrites } from './credit-policy/statement-ports';
import type { DailyReads, DailyWrites } from './daily/ports';
import type { DeliveryReads, DeliveryWrites } from './delivery/ports';
import type { ForecastReads, ForecastWrites } from './forecast/ports';
import type { InsuranceReads, InsuranceWrites } from './insurance/ports';
import type { JobReads, JobWrites } from './jobs/ports';
import type { MonitoringReads, MonitoringWrites } from './monitoring/ports';
import type { PolicyReads, PolicyWrites } from './policies/ports';
import type { PersonKpiReads } from './reports/kpis-by-person';
import type { PortfolioReads } from './reports/ports';
import type { UserReads, UserWrites } from './users/ports';
import type { Actor } from './users/principal';
import type { WebhookReads, WebhookWrites } from './webhooks/ports';
import type { WorkingCapitalReads, WorkingCapitalWrites } from './working-capital/ports';

/** A ledger entry as stored: the entry, the idempotency key it was written with and the hash of its content. */
export type Stored<T> = T & { readonly idempotencyKey: string; readonly contentHash: string };

/**
 * Who recorded a ledger entry and when (an instant from the clock of the process that wrote it), and for
 * imports the file it came from. The store stamps it on every ledger row a transaction writes (documents,
 * payments, allocations, write-offs, reversals): use cases do not pass it, the composition root opens the
 * store for an operator.
 */
export interface Attribution {
  readonly recordedBy: string;
  readonly recordedAt: Date;
  readonly source?: string;
}

/** An entry read back with its attribution; `recorded` is absent on rows written before it was kept. */
export type Recorded<T> = T & { readonly recorded?: Attribution };

export interface WriteOff {
  readonly id: string;
  readonly documentNumber: string;
  readonly date: BusinessDate;
  readonly amount: bigint;
  readonly reason: string;
}

/** Undoes an earlier entry (a bounced payment, a mistaken write-off) from `date` on. */
export interface Reversal {
  readonly id: string;
  readonly kind: 'payment' | 'write_off';
  readonly targetId: string;
  readonly date: BusinessDate;
  readonly reason: string;
}

export interface OpenInvoice extends AllocatableItem {
  readonly buyerId: string;
  readonly currency: CurrencyCode;
  /** The date of the invoice's latest allocation row (any kind, any date), if it has any. */
  readonly lastAllocatedOn?: BusinessDate;
  /** The date of the invoice's earliest allocation row (any kind, any date), if it has any. */
  readonly firstAllocatedOn?: BusinessDate;
}

/** A document whose balance a write brings to zero, and the date from which it is zero for good. */
export interface Closing {
  readonly number: string;
  readonly closedOn: BusinessDate;
  /** The date of the document's earliest allocation row, if known (the as-of reads skip it before that date). */
  readonly firstMovedOn?: BusinessDate;
}

/**
 * New payments allocated in memory against `openInvoices` (so every document their rows touch was open
 * before them), with their allocation rows, the documents the rows close (`closedOn`: the latest of the
 * document's allocation dates) and the payments the rows apply in full (`appliedOn`: the latest of the
 * payment's and its rows' dates).
 */
export interface BulkSettlement {
  readonly payments: readonly Stored<Payment>[];
  readonly allocations: readonly Allocation[];
  readonly closed: readonly Closing[];
  /** Documents the rows leave open whose earliest allocation date they set or move back (`firstMovedOn`). */
  readonly touched: readonly { readonly number: string; readonly firstMovedOn: BusinessDate }[];
  readonly applied: readonly { readonly id: string; readonly appliedOn: BusinessDate }[];
}

export interface OverdueBuyer {
  readonly buyerId: string;
  readonly name: string;
  readonly currency: CurrencyCode;
  readonly overdue: bigint;
  readonly open: bigint;
  readonly oldestDaysOverdue: number;
}

/** A payment of a buyer with the cash of it not applied to any document as of a date. */
/** What `buyerNetPosition` reads of one buyer, for every buyer with a credit (`agingPositions`). */
export interface CreditorLedger {
  readonly buyerId: string;
  /** Open items (open ≠ 0), by due date, issue date and number, as `buyerOpenItems`. */
  readonly items: readonly import('@credence/core').OpenItem[];
  /** Payments with cash not applied, by date and id, as `unappliedPayments`. */
  readonly payments: readonly UnappliedPayment[];
}

export interface AgingPositions {
  /** The buyers without a credit: their open items summed per currency (and buyer) and bucket. */
  readonly cells: readonly BucketCell[];
  readonly unappliedCash: readonly { buyerId: string; currency: CurrencyCode; amount: bigint }[];
  /** By buyer id. */
  readonly creditors: readonly CreditorLedger[];
}

export interface UnappliedPayment {
  readonly id: string;
  readonly date: BusinessDate;
  readonly currency: CurrencyCode;
  /** What was received. */
  readonly amount: bigint;
  /** What is left of it, not applied (positive). */
  readonly unapplied: bigint;
}

/**
 * An operator's application of a payment's cash (append-only, beside the allocation rows it wrote): `apply`
 * puts unapplied cash on invoice `to`; `reallocate` moves an amount applied to `from` over to `to`.
 */
export interface CashApplication {
  readonly id: string;
  readonly kind: 'apply' | 'reallocate';
  readonly paymentId: string;
  readonly from?: string;
  readonly to: string;
  readonly amount: bigint;
  readonly date: BusinessDate;
  /** Who did it. */
  readonly by: string;
}

/** A document as a payment names it: the number with the buyer and currency the payment has. */
export interface DocumentRef {
  readonly number: string;
  readonly buyerId: string;
  readonly currency: CurrencyCode;
}

/** A buyer's grade as of a date, as `grade run` records it (history: one per buyer and date). */
export interface RecordedGrade {
  readonly buyerId: string;
  readonly asOf: BusinessDate;
  readonly grade: Grade;
}

/** A named document that is not stored (`stored` undefined) or is stored with another buyer or currency. */
export interface DocumentMismatch {
  readonly ref: DocumentRef;
  readonly stored: DocumentRef | undefined;
}

/** What the order credit check reads of one buyer as of a date (`orderCheckReads`). */
export interface OrderCheckReads {
  readonly openItems: import('@credence/core').OpenItem[];
  readonly payments: UnappliedPayment[];
  readonly orders: Order[];
  readonly limitEvents: LimitEvent[];
  readonly holds: HoldEvent[];
  readonly grades: RecordedGrade[];
  readonly overrides: GradeOverrideEvent[];
  /** The buyer's securities, added and ended (`securityEventsOf`). */
  readonly securities: import('@credence/core').SecurityEvent[];
  /** The issue date of its first invoice on or before the date (a new buyer's probation). */
  readonly firstInvoice?: BusinessDate;
  /**
   * Whether the buyer has any credit-insurance event: false spares the check the insurance reads. Absent (a store
   * reading one by one): the check reads them.
   */
  readonly insured?: boolean;
  /**
   * The FX rates in force on the date: for each pair of currencies, its rates of the latest date on or before it
   * (both directions) — what `convert` as of that date uses of `fxRates()`. Absent: the check reads `fxRates()`
   * when a currency differs.
   */
  readonly fxRates?: FxRate[];
}

/** Reads. Every figure is derived from the append-only ledger as of a date. */
export interface LedgerReads
  extends CollectionsReads,
    UserReads,
    AuditReads,
    JobReads,
    WebhookReads,
    PolicyReads,
    CheckResultReads,
    BankStatementReads,
    PortfolioReads,
    MonitoringReads,
    DailyReads,
    ForecastReads,
    InsuranceReads,
    CashApplicationReads,
    WorkingCapitalReads,
    PersonKpiReads,
    DeliveryReads,
    StatementRecordReads {
  getBuyer(id: string): Promise<Buyer | undefined>;
  listBuyers(): Promise<Buyer[]>;
  findBuyers(ids: readonly string[]): Promise<Buyer[]>;
  /** A buyer's financial statements, oldest fiscal year first. */
  statementsOf(buyerId: string): Promise<FinancialStatement[]>;
  /** Every buyer's financial statements whose period ended on or before the date, by buyer and fiscal year. */
  statementsUpTo(asOf: BusinessDate): Promise<FinancialStatement[]>;
  /** A buyer's external grades (insurer, bureau), oldest first. */
  externalGradesOf(buyerId: string): Promise<ExternalGrade[]>;
  /** The issue date of the buyer's first invoice, if any. */
  buyerFirstInvoice(buyerId: string): Promise<BusinessDate | undefined>;
  /** A buyer's orders (any status). */
  ordersOf(buyerId: string): Promise<Order[]>;
  /** A buyer's credit hold and release events, in recording order. */
  holdsOf(buyerId: string): Promise<HoldEvent[]>;
  /** A buyer's credit-limit events (the audit trail), in recording order. */
  limitEventsOf(buyerId: string): Promise<LimitEvent[]>;
  /** Limit requests of every buyer not answered yet, oldest first (by id), a page of them, and how many in all. */
  pendingLimitRequests(page: { limit: number; offset: number }): Promise<{ requests: LimitEvent[]; total: number }>;
  /** Signed face value of the buyer's documents issued in [from, to], per currency. */
  buyerSales(
    buyerId: string,
    from: BusinessDate,
    to: BusinessDate,
  ): Promise<{ currency: CurrencyCode; amount: bigint }[]>;
  /** Signed face value of every buyer's documents issued in [from, to], per buyer and currency (one statement). */
  salesByBuyer(
    from: BusinessDate,
    to: BusinessDate,
  ): Promise<{ buyerId: string; currency: CurrencyCode; amount: bigint }[]>;
  /** A buyer's securities (guarantees, letters of credit, retention of title): added and ended, in recording order. */
  securityEventsOf(buyerId: string): Promise<import('@credence/core').SecurityEvent[]>;
  /** Every buyer's security events, by buyer and recording order. */
  allSecurityEvents(): Promise<import('@credence/core').SecurityEvent[]>;
  /** A buyer's documents issued in [from, to], by issue date and number (an account statement's lines). */
  buyerDocuments(buyerId: string, from: BusinessDate, to: BusinessDate): Promise<Stored<LedgerDocument>[]>;
  /** A buyer's recorded grades, oldest as-of date first. */
  gradesOf(buyerId: string): Promise<RecordedGrade[]>;
  /** A buyer's grade overrides and their removals, in recording order. */
  gradeOverridesOf(buyerId: string): Promise<GradeOverrideEvent[]>;
  /** Every buyer's grade overrides and removals recorded on or before the date, by buyer and id. */
  gradeOverridesUpTo(asOf: BusinessDate): Promise<GradeOverrideEvent[]>;
  /** The grade of every buyer recorded for exactly this date. */
  gradesOn(asOf: BusinessDate): Promise<RecordedGrade[]>;
  findDocuments(numbers: readonly string[]): Promise<Recorded<Stored<LedgerDocument>>[]>;
  findPayments(ids: readonly string[]): Promise<Recorded<Stored<Payment>>[]>;
  /** Invoices of these buyers with a positive open balance after every recorded allocation. */
  openInvoices(buyerIds: readonly string[]): Promise<OpenInvoice[]>;
  /** Documents of one buyer with their open balance as of the date (open ≠ 0 only). */
  buyerOpenItems(buyerId: string, asOf: BusinessDate): Promise<import('@credence/core').OpenItem[]>;
  /** Sums per currency (and buyer) and bucket index, bucket bounds as in core `bucketSet`. */
  agingCells(asOf: BusinessDate, bounds: readonly number[], byBuyer: boolean): Promise<BucketCell[]>;
  kpiInputs(from: BusinessDate, asOf: BusinessDate): Promise<KpiInputs[]>;
  /** Settlements of invoices by payments (not credit notes, not write-offs) dated in [from, asOf]: core `paymentSettlements`. */
  behaviourSums(from: BusinessDate, asOf: BusinessDate, buyerId?: string): Promise<BehaviourSums[]>;
  /** Cash received and not applied to any document, per buyer and currency, as of the date. */
  unappliedCash(asOf: BusinessDate): Promise<{ buyerId: string; currency: CurrencyCode; amount: bigint }[]>;
  topOverdue(asOf: BusinessDate, limit: number): Promise<OverdueBuyer[]>;
  /** A buyer's payments with cash not applied as of the date (not reversed by then), by date and id. */
  unappliedPayments(buyerId: string, asOf: BusinessDate): Promise<UnappliedPayment[]>;
  /**
   * What the aging reads as of the date, for the whole portfolio in two queries: every buyer with a credit (an
   * open item with a negative balance, or a payment with cash not applied) with its open items and unapplied
   * payments (as `buyerOpenItems` and `unappliedPayments`), the cells of the other buyers' open items (as
   * `agingCells`), and the unapplied cash per buyer and currency (as `unappliedCash`).
   */
  agingPositions(asOf: BusinessDate, bounds: readonly number[], byBuyer: boolean): Promise<AgingPositions>;
  /** `agingPositions` (not by buyer) at each of the dates, in their order: one set-based read (the aging trend). */
  agingPositionsAt(dates: readonly BusinessDate[], bounds: readonly number[]): Promise<AgingPositions[]>;
  /**
   * Optional: the credit check's reads of one buyer in one go, each as its own read above gives it (undefined
   * for an unknown buyer). A store on a server implements it as one statement: the check is on the ERP's order
   * path, and its cost was the round trips (docs/benchmarks.md). Without it the reads are made one by one.
   */
  orderCheckReads?(buyerId: string, asOf: BusinessDate): Promise<OrderCheckReads | undefined>;
  fxRates(): Promise<FxRate[]>;
  /** A buyer's write-offs and reversals (of its payments and write-offs), each by date then id. */
  correctionsOf(
    buyerId: string,
  ): Promise<{ writeOffs: Recorded<Stored<WriteOff>>[]; reversals: Recorded<Stored<Reversal>>[] }>;
  counts(): Promise<{ buyers: number; documents: number; payments: number; allocations: number }>;
}

/** Writes, only inside `transact`: all or nothing. Rows arrive validated and deduplicated. */
export interface LedgerWrites
  extends LedgerReads,
    CollectionsWrites,
    UserWrites,
    JobWrites,
    WebhookWrites,
    CheckResultWrites,
    PolicyWrites,
    BankStatementWrites,
    MonitoringWrites,
    DailyWrites,
    ForecastWrites,
    InsuranceWrites,
    CashApplicationWrites,
    WorkingCapitalWrites,
    DeliveryWrites,
    StatementRecordWrites {
  /**
   * Holds `key` until the transaction ends: transactions that lock the same key run their check-then-insert one
   * after the other (a rule checked after the lock sees what the previous holder committed). See ARCHITECTURE.md
   * "Concurrency" for the keys.
   */
  lock(key: string, within?: string): Promise<void>;
  /**
   * Holds the namespace `within` exclusively until the transaction ends: it waits for every transaction holding
   * a key `within` it (`lock(key, within)` holds the namespace shared) and keeps new ones out. A bulk write that
   * reads and settles many buyers' ledgers at once takes it instead of one lock per buyer.
   */
  lockAll(within: string): Promise<void>;
  upsertBuyers(rows: readonly Buyer[]): Promise<void>;
  /** Inserts statements, replacing a stored one for the same buyer and fiscal year. */
  upsertStatements(rows: readonly FinancialStatement[]): Promise<void>;
  /** Inserts external grades, replacing one stored for the same buyer, date and source. */
  upsertExternalGrades(rows: readonly ExternalGrade[]): Promise<void>;
  findExternalGrades(keys: readonly Pick<ExternalGrade, 'buyerId' | 'date' | 'source'>[]): Promise<ExternalGrade[]>;
  /** Inserts orders, replacing a stored one with the same id (its status moves on). */
  upsertOrders(rows: readonly Order[]): Promise<void>;
  findOrders(ids: readonly string[]): Promise<Order[]>;
  appendHold(event: Omit<HoldEvent, 'id'>): Promise<HoldEvent>;
  /** Appends a credit-limit event; returns it with the id the store gave it. */
  appendLimitEvent(event: Omit<LimitEvent, 'id'>): Promise<LimitEvent>;
  /** Many limit events at once (a portfolio's limits), in the order given; a store without it appends one by one. */
  appendLimitEvents?(events: readonly Omit<LimitEvent, 'id'>[]): Promise<LimitEvent[]>;
  /** Appends a grade override or its removal; returns it with the id the store gave it. */
  appendGradeOverride(event: GradeOverrideDraft): Promise<GradeOverrideEvent>;
  /** Appends a security's addition or end (`recorded_at`: the transaction's instant). Lock `security:<buyer>` first. */
  appendSecurityEvent(event: import('@credence/core').SecurityDraft): Promise<import('@credence/core').SecurityEvent>;
  /** Records grades; a grade already recorded for the same buyer and date is replaced (a re-run). */
  upsertGrades(rows: readonly RecordedGrade[]): Promise<void>;
  findStatements(keys: readonly { buyerId: string; fiscalYear: number }[]): Promise<FinancialStatement[]>;
  insertDocuments(rows: readonly Stored<LedgerDocument>[]): Promise<void>;
  insertPayments(rows: readonly Stored<Payment>[]): Promise<void>;
  insertAllocations(rows: readonly Allocation[]): Promise<void>;
  /**
   * Writes a bulk settlement: the store records the closings and applications as given instead of
   * re-reading the rows of every touched document and payment (a payment import settles most of a ledger).
   */
  insertSettlements(settlement: BulkSettlement): Promise<void>;
  insertWriteOffs(rows: readonly Stored<WriteOff>[]): Promise<void>;
  insertReversals(rows: readonly Stored<Reversal>[]): Promise<void>;
  insertCashApplications(rows: readonly Stored<CashApplication>[]): Promise<void>;
  findCashApplications(ids: readonly string[]): Promise<Stored<CashApplication>[]>;
  /** Inserts rates; a rate already stored for the same (date, from, to) is replaced only if equal (else the use case reports a conflict). */
  insertFxRates(rows: readonly FxRate[]): Promise<void>;
  allocationsOf(kind: Allocation['kind'], entryId: string): Promise<Allocation[]>;
  findWriteOffs(ids: readonly string[]): Promise<Recorded<Stored<WriteOff>>[]>;
  findReversals(ids: readonly string[]): Promise<Recorded<Stored<Reversal>>[]>;
  /** The reversal of this entry, under whatever id it was recorded. */
  reversalOf(kind: Reversal['kind'], targetId: string): Promise<Recorded<Stored<Reversal>> | undefined>;
  /**
   * Import checks, set-based (the keys staged once and joined, not looked up one by one); each returns
   * only what is stored, or wrong. Content hashes of the stored documents (by number) or payments (by id):
   */
  storedHashes(kind: 'document' | 'payment', keys: readonly string[]): Promise<{ key: string; contentHash: string }[]>;
  /** Whether any document (or payment) is stored: a first load into an empty ledger has nothing to compare with. */
  hasEntries(kind: 'document' | 'payment'): Promise<boolean>;
  /** The ids that name no stored buyer. */
  unknownBuyers(ids: readonly string[]): Promise<string[]>;
  /** The references whose document is missing or has another buyer or currency (one per distinct reference). */
  documentMismatches(refs: readonly DocumentRef[]): Promise<DocumentMismatch[]>;
}

/** What a store runs on and how far its schema is migrated (`GET /api/v1/health`). */
export interface StoreInfo {
  readonly kind: 'pglite' | 'postgres' | 'memory';
  /** The name of the last migration applied (e.g. `015_bulk_settlement`); absent when the store has none. */
  readonly migration?: string;
}

export interface Store extends LedgerReads, CheckResultKeeping {
  transact<T>(work: (tx: LedgerWrites) => Promise<T>): Promise<T>;
  info(): Promise<StoreInfo>;
  /**
   * A view of the same store (same connection or pool) whose writes are recorded for `actor`: the ledger
   * rows' `recorded_by` and the audit trail. The server takes one per request. Closing a view does nothing:
   * the store it came from is closed by whoever opened it.
   */
  withActor(actor: Actor): Store;
  close(): Promise<void>;
}

/** "Today" in the creditor's time zone. Core never reads a clock; use cases get one. */
export interface Clock {
  today(): BusinessDate;
  /** The current instant (when a ledger entry is recorded). */
  now(): Date;
}
