import { userInfo } from 'node:os';
import type { Actor, Attribution, LedgerReads, LedgerWrites, OrderCheckReads, Store } from '@credence/app';
import type { BusinessDate } from '@credence/core';
import { type Kysely, sql } from 'kysely';
import { audited, TransactionAudit } from './audit-writes';
import { batcher } from './batcher';
import { toCount } from './convert';
import { BATCHES_IN_FLIGHT, type Conn, type Engine, type NamedQuery } from './engine/types';
import { agingCells } from './reads/aging';
import { agingPositions, agingPositionsAt } from './reads/aging-positions';
import { behaviourSums } from './reads/behaviour';
import { behaviourWindows } from './reads/behaviour-windows';
import { topOverdue, unappliedCash } from './reads/cash';
import { documentReductions, dunnableItems, openCreditNotes, paymentsOf } from './reads/dunnable';
import { kpiInputs } from './reads/kpis';
import { personKpiInputs } from './reads/kpis-by-person';
import { lastMigration } from './reads/migration';
import { monitoringFacts } from './reads/monitoring';
import { buyerOpenItems, openInvoices } from './reads/open-items';
import { orderCheckBatcher, orderCheckReads } from './reads/order-check';
import { partialSettlements } from './reads/partial-settlements';
import { latestGrades, limitEventsUpTo, portfolioPositions } from './reads/portfolio';
import { alertDigests, saveAlertDigest } from './repos/alert-digests';
import { alerts, appendHolds, saveAlerts } from './repos/alerts';
import { allocationsOf, insertAllocations, refreshAppliedOn } from './repos/allocations';
import { appendAudit, auditEntries } from './repos/audit';
import { bankStatementLines, bankStatementsLike, insertBankStatement } from './repos/bank-statements';
import { findBuyers, getBuyer, listBuyers, upsertBuyers } from './repos/buyers';
import {
  cashLine,
  cashLines,
  learnedIbans,
  linesToMatch,
  putCashLines,
  putLearnedIbans,
  removeLearnedIban,
} from './repos/cash-application';
import { findCashApplications, insertCashApplications, unappliedPayments } from './repos/cash-applications';
import { appendCashForecast, cashForecastRuns, receiptsBetween } from './repos/cash-forecasts';
import {
  appendCreditCheckResult,
  type CheckResultToKeep,
  creditCheckResults,
  keepCheckResults,
} from './repos/check-results';
import { PendingClosings, refreshClosedOn } from './repos/closings';
import { appendCollectionEvents, collectionEvents } from './repos/collection-events';
import { countryRisks, putCountryRiskClasses } from './repos/country-risk';
import { dailyRunLease, holdDailyRun, releaseDailyRun } from './repos/daily-runs';
import { dailySteps, recordDailyStep } from './repos/daily-steps';
import { type BulkTable, DeferredIndexes } from './repos/deferred-indexes';
import { deliveriesAwaiting, deliveryConfirmations, insertDeliveryConfirmation } from './repos/delivery-confirmations';
import { findDocuments, insertDocuments } from './repos/documents';
import {
  correctionsOf,
  findReversals,
  findWriteOffs,
  insertReversals,
  insertWriteOffs,
  reversalOf,
} from './repos/entries';
import { externalGradesOf, findExternalGrades, upsertExternalGrades } from './repos/external-grades';
import { appendForecastModel, latestForecastModel, paymentHistory } from './repos/forecast';
import { fxRates, insertFxRates } from './repos/fx-rates';
import { appendGradeOverride, gradeOverridesOf, gradeOverridesUpTo } from './repos/grade-overrides';
import { gradesOf, gradesOn, upsertGrades } from './repos/grades';
import { documentMismatches, hasEntries, storedHashes, unknownBuyers } from './repos/import-checks';
import {
  appendInsuranceEvent,
  appendInsurancePolicy,
  insuranceEvents,
  insuranceLedger,
  insurancePolicies,
} from './repos/insurance';
import { claimJob, enqueueJob, extendJobLease, findJob, settleJob } from './repos/jobs';
import {
  backdatedInvoices,
  claimOutbox,
  deliveriesOf,
  findLetters,
  insertLetters,
  lastConfirmedRun,
  lastLetters,
  latestLetterDate,
  letterIdsOfDocuments,
  lettersOf,
  lettersOn,
  outboxEntries,
  recordDelivery,
  recordDunningRun,
} from './repos/letters';
import {
  appendLimitEvent,
  appendLimitEvents,
  buyerDocuments,
  buyerFirstInvoice,
  buyerSales,
  limitEventsOf,
  pendingLimitRequests,
  salesByBuyer,
} from './repos/limits';
import { lockKey, lockNamespace } from './repos/locks';
import { appendHold, findOrders, holdsOf, ordersOf, upsertOrders } from './repos/orders';
import { findPayments, insertPayments } from './repos/payments';
import { appendPolicyVersion, policyVersions } from './repos/policy-versions';
import { allSecurityEvents, appendSecurityEvent, securityEventsOf } from './repos/securities';
import { insertStatementRecord, statementRecords } from './repos/statement-records';
import { findStatements, statementsOf, statementsUpTo, upsertStatements } from './repos/statements';
import {
  findUser,
  insertToken,
  insertUser,
  listUsers,
  principalOfToken,
  revokeUser,
  setUserLanguage,
  userLanguage,
} from './repos/users';
import {
  appendWebhookEvent,
  claimWebhookDeliveries,
  deactivateWebhook,
  insertWebhook,
  recordWebhookOutcome,
  webhookDeliveries,
  webhookSubscribed,
  webhookSubscriptions,
} from './repos/webhooks';
import { appendWorkingCapital, workingCapitalMonths } from './repos/working-capital';
import { saveWorklistTasks, worklistTasks } from './repos/worklist-tasks';
import type { Database } from './schema';

async function counts(db: Kysely<Database>) {
  const { rows } = await sql<Record<'buyers' | 'documents' | 'payments' | 'allocations', unknown>>`
    select (select count(*) from buyers) as buyers, (select count(*) from documents) as documents,
           (select count(*) from payments) as payments, (select count(*) from allocations) as allocations`.execute(db);
  const r = rows[0];
  return {
    buyers: toCount(r?.buyers),
    documents: toCount(r?.documents),
    payments: toCount(r?.payments),
    allocations: toCount(r?.allocations),
  };
}

/** The credit checks' batcher of each pool (one per engine, whichever store view reads). */
const batchers = new WeakMap<NamedQuery, ReturnType<typeof orderCheckBatcher>>();

/**
 * The credit check's reads of a pool: batched (`orderCheckBatcher`: `BATCHES_IN_FLIGHT` statement(s) at once, up to
 * 64 checks in one). Else, on one connection, one statement each.
 */
function orderCheckReadsOn(
  db: Kysely<Database>,
  named: NamedQuery | undefined,
): (buyerId: string, asOf: BusinessDate) => Promise<OrderCheckReads | undefined> {
  if (named === undefined) return (buyerId, asOf) => orderCheckReads(db, buyerId, asOf);
  let batched = batchers.get(named);
  if (batched === undefined) {
    batched = orderCheckBatcher(db, named, { inFlight: BATCHES_IN_FLIGHT, maxBatch: 64 });
    batchers.set(named, batched);
  }
  return batched;
}

/** The check results' writer of each pool (one per engine, whichever store view writes). */
const keepers = new WeakMap<NamedQuery, (k: CheckResultToKeep) => Promise<void>>();

/**
 * Holds and referrals kept outside a transaction (`Store.keepCheckResult`), each statement atomic on its own. On a
 * pool batched: one statement at a time, the results of the checks that arrive meanwhile written together in the
 * next (up to 64): one round trip, one commit for all of them. Else one statement each.
 */
function keepCheckResultOn(engine: Engine): (k: CheckResultToKeep) => Promise<void> {
  const { db, named } = engine;
  if (named === undefined) return (k) => keepCheckResults(db, [k]);
  let keep = keepers.get(named);
  if (keep === undefined) {
    keep = batcher<CheckResultToKeep, void>(
      async (rows) => {
        await keepCheckResults(db, rows, named);
        return [];
      },
      { inFlight: 1, maxBatch: 64 },
    );
    keepers.set(named, keep);
  }
  return keep;
}

/** The reads on a connection or pool; `named` runs the hot ones as prepared statements (PostgreSQL, no transaction). */
export function readsOn(db: Kysely<Database>, named?: NamedQuery): LedgerReads {
  return {
    getBuyer: (id) => getBuyer(db, id),
    monitoringFacts: (asOf) => monitoringFacts(db, asOf),
    countryRisks: (asOf, since) => countryRisks(db, asOf, since),
    alerts: (q) => alerts(db, q),
    alertDigests: (d) => alertDigests(db, d),
    partialSettlements: (from, asOf) => partialSettlements(db, from, asOf),
    behaviourWindows: (windows) => behaviourWindows(db, windows),
    dailySteps: (asOf) => dailySteps(db, asOf),
    dailyRunLease: (asOf) => dailyRunLease(db, asOf),
    statementsUpTo: (asOf) => statementsUpTo(db, asOf),
    listBuyers: () => listBuyers(db),
    findBuyers: (ids) => findBuyers(db, ids),
    statementsOf: (id) => statementsOf(db, id),
    gradesOf: (id) => gradesOf(db, id),
    limitEventsOf: (id) => limitEventsOf(db, id),
    pendingLimitRequests: (page) => pendingLimitRequests(db, page),
    creditCheckResults: (q) => creditCheckResults(db, q),
    ordersOf: (id) => ordersOf(db, id),
    buyerFirstInvoice: (id) => buyerFirstInvoice(db, id),
    externalGradesOf: (id) => externalGradesOf(db, id),
    holdsOf: (id) => holdsOf(db, id),
    securityEventsOf: (id) => securityEventsOf(db, id),
    deliveryConfirmations: (documents) => deliveryConfirmations(db, documents),
    deliveriesAwaiting: (by, buyerId) => deliveriesAwaiting(db, by, buyerId),
    statementRecords: (id, from, asOf) => statementRecords(db, id, from, asOf),
    allSecurityEvents: () => allSecurityEvents(db),
    gradeOverridesOf: (id) => gradeOverridesOf(db, id),
    gradeOverridesUpTo: (asOf) => gradeOverridesUpTo(db, asOf),
    policyVersions: (kind) => policyVersions(db, kind),
    paymentHistory: (asOf) => paymentHistory(db, asOf),
    latestForecastModel: () => latestForecastModel(db),
    workingCapitalMonths: (from, to) => workingCapitalMonths(db, from, to),
    receiptsBetween: (from, to) => receiptsBetween(db, from, to),
    cashForecastRuns: () => cashForecastRuns(db),
    buyerSales: (id, from, to) => buyerSales(db, id, from, to),
    salesByBuyer: (from, to) => salesByBuyer(db, from, to),
    buyerDocuments: (id, from, to) => buyerDocuments(db, id, from, to),
    gradesOn: (asOf) => gradesOn(db, asOf),
    findDocuments: (numbers) => findDocuments(db, numbers),
    findPayments: (ids) => findPayments(db, ids),
    openInvoices: (buyerIds) => openInvoices(db, buyerIds),
    buyerOpenItems: (buyerId, asOf) => buyerOpenItems(db, buyerId, asOf),
    agingCells: (asOf, bounds, byBuyer) => agingCells(db, asOf, bounds, byBuyer),
    kpiInputs: (from, asOf) => kpiInputs(db, from, asOf),
    personKpiInputs: (by, months) => personKpiInputs(db, by, months),
    behaviourSums: (from, asOf, buyerId) => behaviourSums(db, from, asOf, buyerId),
    unappliedCash: (asOf) => unappliedCash(db, asOf),
    topOverdue: (asOf, limit) => topOverdue(db, asOf, limit),
    unappliedPayments: (buyerId, asOf) => unappliedPayments(db, buyerId, asOf),
    agingPositions: (asOf, bounds, byBuyer) => agingPositions(db, asOf, bounds, byBuyer),
    agingPositionsAt: (dates, bounds) => agingPositionsAt(db, dates, bounds),
    portfolioPositions: (asOf, filter) => portfolioPositions(db, asOf, filter),
    latestGrades: (asOf) => latestGrades(db, asOf),
    limitEventsUpTo: (asOf) => limitEventsUpTo(db, asOf),
    orderCheckReads: orderCheckReadsOn(db, named),
    fxRates: () => fxRates(db),
    correctionsOf: (buyerId) => correctionsOf(db, buyerId),
    counts: () => counts(db),
    dunnableItems: (asOf, dueBy) => dunnableItems(db, asOf, dueBy),
    documentReductions: (numbers, asOf) => documentReductions(db, numbers, asOf),
    openCreditNotes: (asOf, buyerIds) => openCreditNotes(db, asOf, buyerIds),
    collectionEvents: (buyerId) => collectionEvents(db, buyerId),
    lastLetters: (asOf) => lastLetters(db, asOf),
    latestLetterDate: () => latestLetterDate(db),
    lastConfirmedRun: () => lastConfirmedRun(db),
    backdatedInvoices: () => backdatedInvoices(db),
    findLetters: (ids) => findLetters(db, ids),
    lettersOf: (buyerId) => lettersOf(db, buyerId),
    letterIdsOfDocuments: (numbers) => letterIdsOfDocuments(db, numbers),
    lettersOn: (asOf) => lettersOn(db, asOf),
    outboxEntries: (statuses) => outboxEntries(db, statuses),
    deliveriesOf: (buyerId) => deliveriesOf(db, buyerId),
    paymentsOf: (buyerId) => paymentsOf(db, buyerId),
    worklistTasks: (q) => worklistTasks(db, q),
    principalOfToken: (hash) => principalOfToken(db, hash),
    findUser: (name) => findUser(db, name),
    listUsers: () => listUsers(db),
    userLanguage: (name) => userLanguage(db, name),
    auditEntries: (q) => auditEntries(db, q),
    findJob: (id) => findJob(db, id),
    webhookSubscriptions: () => webhookSubscriptions(db),
    webhookDeliveries: (id, limit) => webhookDeliveries(db, id, limit),
    webhookSubscribed: (type) => webhookSubscribed(db, type),
    bankStatementsLike: (keys, hashes) => bankStatementsLike(db, keys, hashes),
    bankStatementLines: (id) => bankStatementLines(db, id),
    insurancePolicies: () => insurancePolicies(db),
    insuranceEvents: (q) => insuranceEvents(db, q),
    insuranceLedger: (buyerId, asOf) => insuranceLedger(db, buyerId, asOf),
    linesToMatch: (statement) => linesToMatch(db, statement),
    cashLines: (f) => cashLines(db, f),
    cashLine: (statement, line) => cashLine(db, statement, line),
    learnedIbans: () => learnedIbans(db),
  };
}

/** Tables whose statistics a transaction's bulk writes may change. */
type CountedTable = 'buyers' | 'documents' | 'payments' | 'allocations' | 'document_closings' | 'open_documents';

/**
 * What one transaction wrote: rows per table (to refresh the planner's statistics after bulk loads) and
 * the documents whose allocations changed (their state, open or closed, is refreshed before the commit).
 */
interface Written {
  readonly rows: Map<CountedTable, number>;
  readonly moved: Set<string>;
  /** Payments written, allocated or reversed (their `applied_on` is refreshed before the commit). */
  readonly payments: Set<string>;
  /** Indexes of tables a first bulk load fills, rebuilt before the commit. */
  readonly indexes: DeferredIndexes;
  /** Closings a bulk settlement computed, moved before the next read and before the commit. */
  readonly closings: PendingClosings;
  /** Documents moved between open_documents and document_closings (many: open_documents is vacuumed after). */
  moves: number;
}

const nothingWritten = (): Written => ({
  rows: new Map(),
  moved: new Set(),
  payments: new Set(),
  indexes: new DeferredIndexes(),
  closings: new PendingClosings(),
  moves: 0,
});

/** Counts documents moved out of (or into) open_documents, for the statistics and the vacuum after the commit. */
function countMoves(written: Written, moved: number): void {
  if (moved === 0) return;
  written.moves += moved;
  for (const t of ['open_documents', 'document_closings'] as const)
    written.rows.set(t, (written.rows.get(t) ?? 0) + moved);
}

/**
 * Before a read in the transaction and before its commit: the pending closings moved (into tables whose indexes a
 * first load may have taken off: cheaper before they are rebuilt), then the indexes rebuilt.
 */
async function settle(conn: Conn, written: Written): Promise<void> {
  countMoves(written, await written.closings.flush(conn));
  await written.indexes.rebuild(conn);
}

/**
 * Who the store records ledger entries for: the operator or API user, from where (the CLI, or the API with a
 * token), the file being imported, the writer's clock.
 */
export interface Recorder {
  readonly by: string;
  /** Default: `cli`. */
  readonly channel?: Actor['channel'];
  readonly tokenId?: string;
  readonly source?: string;
  /** The instant stamped on the rows of a transaction (default: the system clock). */
  readonly now?: () => Date;
}

/** Without a recorder: the OS user, now. */
export function defaultRecorder(): Recorder {
  let by = 'unknown';
  try {
    by = userInfo().username || by;
  } catch {}
  return { by };
}

const attributionOf = (r: Recorder): Attribution => ({
  recordedBy: r.by,
  recordedAt: (r.now ?? (() => new Date()))(),
  ...(r.source !== undefined ? { source: r.source } : {}),
});

/** Who, when and from where, for the audit rows of a transaction. */
const stampOf = (r: Recorder, by: Attribution) => ({
  at: by.recordedAt,
  actor: by.recordedBy,
  channel: r.channel ?? 'cli',
  ...(r.tokenId !== undefined ? { tokenId: r.tokenId } : {}),
});

/** A table that grew by this many rows in one transaction is analyzed right after the commit. */
const ANALYZE_AFTER = 10_000;

/** Each read of `reads`, run once `ready` has resolved. */
function afterReady(reads: LedgerReads, ready: () => Promise<void>): LedgerReads {
  const out: Record<string, unknown> = {};
  for (const [name, read] of Object.entries(reads))
    out[name] = async (...args: unknown[]) => {
      await ready();
      return (read as (...a: unknown[]) => unknown)(...args);
    };
  return out as unknown as LedgerReads;
}

/** Writes in one transaction; every ledger row carries `by` (one instant for the whole transaction). */
export function writesOn(conn: Conn, by: Attribution, written: Written = nothingWritten()): LedgerWrites {
  const { db } = conn;
  /** Counts the rows, then writes them. */
  const count = (table: Parameters<Written['rows']['set']>[0], n: number) =>
    written.rows.set(table, (written.rows.get(table) ?? 0) + n);
  /** A bulk write into an empty ledger table builds its indexes once, at the end (DeferredIndexes). */
  const bulk = (table: BulkTable, n: number) => written.indexes.beforeWrite(conn, table, n);
  const counted =
    <R>(table: Parameters<Written['rows']['set']>[0], write: (rows: readonly R[]) => Promise<void>) =>
    (rows: readonly R[]) => {
      count(table, rows.length);
      return write(rows);
    };
  /** Indexes a bulk load took off are rebuilt before anything reads the ledger in the same transaction. */
  const ready = () => settle(conn, written);
  return {
    ...afterReady(readsOn(db), ready),
    upsertBuyers: counted('buyers', (rows) => upsertBuyers(db, rows)),
    upsertStatements: (rows) => upsertStatements(db, rows),
    upsertGrades: (rows) => upsertGrades(db, rows),
    lock: (key, within) => lockKey(db, key, within),
    lockAll: (within) => lockNamespace(db, within),
    recordDailyStep: (r) => recordDailyStep(db, r),
    holdDailyRun: (l) => holdDailyRun(db, l),
    releaseDailyRun: (asOf, token) => releaseDailyRun(db, asOf, token),
    appendLimitEvent: (e) => appendLimitEvent(db, e),
    appendLimitEvents: (events) => appendLimitEvents(db, events),
    upsertOrders: (rows) => upsertOrders(db, rows),
    upsertExternalGrades: (rows) => upsertExternalGrades(db, rows),
    findExternalGrades: (keys) => findExternalGrades(db, keys),
    findOrders: (ids) => findOrders(db, ids),
    appendHold: (e) => appendHold(db, e),
    appendGradeOverride: (e) => appendGradeOverride(db, e, by.recordedAt),
    appendSecurityEvent: (e) => appendSecurityEvent(db, e, by.recordedAt),
    putCountryRiskClasses: (rows) => putCountryRiskClasses(db, rows, by.recordedBy, by.recordedAt),
    insertDeliveryConfirmation: (c) => insertDeliveryConfirmation(db, c, by.recordedAt),
    insertStatementRecord: (r) => insertStatementRecord(db, r, by.recordedAt),
    appendPolicyVersion: (v) => appendPolicyVersion(db, v, by.recordedAt),
    appendForecastModel: (m) => appendForecastModel(db, m, by.recordedAt),
    appendWorkingCapital: (f) => appendWorkingCapital(db, f, by.recordedAt),
    appendCashForecast: (r) => appendCashForecast(db, r, by.recordedAt),
    appendInsurancePolicy: (p) => appendInsurancePolicy(db, p, by.recordedAt),
    appendInsuranceEvent: (e) => appendInsuranceEvent(db, e, by.recordedAt),
    findStatements: (keys) => findStatements(db, keys),
    insertDocuments: counted('documents', async (rows) => {
      count('open_documents', rows.length);
      await bulk('documents', rows.length);
      // The trigger of migration 026 copies each new document into open_documents: a first load of the documents
      // builds its indexes once too (only then: the open documents are few, and a daily file must not lock them).
      if (written.indexes.deferred('documents')) await bulk('open_documents', rows.length);
      await insertDocuments(conn, rows, by);
    }),
    insertPayments: counted('payments', async (rows) => {
      for (const p of rows) written.payments.add(p.id);
      await bulk('payments', rows.length);
      await insertPayments(conn, rows, by);
    }),
    insertAllocations: counted('allocations', async (rows) => {
      for (const a of rows) {
        written.moved.add(a.documentNumber);
        if (a.kind === 'payment') written.payments.add(a.entryId);
      }
      await bulk('allocations', rows.length);
      await insertAllocations(conn, rows, by);
    }),
    // Planned in memory with its closings and applications: no refresh of what it touched.
    insertSettlements: async (s) => {
      count('payments', s.payments.length);
      count('allocations', s.allocations.length);
      await bulk('payments', s.payments.length);
      await insertPayments(conn, s.payments, by, new Map(s.applied.map((a) => [a.id, a.appliedOn])));
      await bulk('allocations', s.allocations.length);
      await insertAllocations(conn, s.allocations, by);
      await bulk('document_closings', s.closed.length);
      await written.closings.add(conn, s.closed, s.touched);
    },
    insertWriteOffs: (rows) => insertWriteOffs(conn, rows, by),
    insertReversals: (rows) => {
      for (const r of rows) if (r.kind === 'payment') written.payments.add(r.targetId);
      return insertReversals(conn, rows, by);
    },
    insertCashApplications: (rows) => insertCashApplications(db, rows),
    findCashApplications: (ids) => findCashApplications(db, ids),
    insertFxRates: (rows) => insertFxRates(db, rows),
    allocationsOf: async (kind, entryId) => {
      await ready();
      return allocationsOf(db, kind, entryId);
    },
    findWriteOffs: (ids) => findWriteOffs(db, ids),
    findReversals: (ids) => findReversals(db, ids),
    reversalOf: (kind, targetId) => reversalOf(db, kind, targetId),
    storedHashes: async (kind, keys) => {
      await ready();
      return storedHashes(conn, kind, keys);
    },
    hasEntries: (kind) => hasEntries(conn, kind),
    unknownBuyers: (ids) => unknownBuyers(conn, ids),
    documentMismatches: async (refs) => {
      await ready();
      return documentMismatches(conn, refs);
    },
    appendCollectionEvents: (events) => appendCollectionEvents(db, events),
    insertLetters: (letters) => insertLetters(db, letters),
    recordDunningRun: (run) => recordDunningRun(db, run),
    recordDelivery: (d) => recordDelivery(db, d),
    claimOutbox: (id, from, reclaim) => claimOutbox(db, id, from, reclaim),
    saveWorklistTasks: (tasks) => saveWorklistTasks(db, tasks),
    insertUser: (u) => insertUser(db, u, by.recordedAt),
    insertToken: (t) => insertToken(db, t, by.recordedAt),
    revokeUser: (name) => revokeUser(db, name, by.recordedAt),
    setUserLanguage: (name, language) => setUserLanguage(db, name, language, by.recordedAt),
    enqueueJob: (j) => enqueueJob(db, j, by.recordedAt, by.recordedBy),
    claimJob: (q) => claimJob(db, q),
    extendJobLease: (id, worker, until) => extendJobLease(db, id, worker, until),
    settleJob: (id, worker, outcome) => settleJob(db, id, worker, outcome),
    insertWebhook: (sub) => insertWebhook(db, sub, by),
    saveAlerts: (rows) => saveAlerts(db, rows),
    saveAlertDigest: (d) => saveAlertDigest(db, d, by.recordedAt),
    appendHolds: (events) => appendHolds(db, events),
    deactivateWebhook: (id) => deactivateWebhook(db, id, by.recordedAt),
    appendWebhookEvent: (e) => appendWebhookEvent(db, e, by.recordedAt),
    appendCreditCheckResult: (r) => appendCreditCheckResult(db, r, by),
    claimWebhookDeliveries: (q) => claimWebhookDeliveries(db, q),
    recordWebhookOutcome: (o) => recordWebhookOutcome(db, o),
    insertBankStatement: (st, lines) => insertBankStatement(conn, st, lines, by),
    putCashLines: (rows) => putCashLines(conn, rows, by.recordedAt),
    putLearnedIbans: (rows) => putLearnedIbans(conn, rows, by.recordedAt),
    removeLearnedIban: (iban) => removeLearnedIban(conn, iban),
  };
}

/** The recorder of `actor`, keeping the clock of `base` (and its source, unless the actor names one). */
const recorderFor = (base: Recorder, actor: Actor): Recorder => {
  const { tokenId: _, ...rest } = base;
  return {
    ...rest,
    by: actor.by,
    channel: actor.channel,
    ...(actor.tokenId !== undefined ? { tokenId: actor.tokenId } : {}),
    ...(actor.source !== undefined ? { source: actor.source } : {}),
  };
};

/** The reads of each engine, built once: the server takes a view of the store per request (`withActor`). */
const engineReads = new WeakMap<Engine, LedgerReads>();

function readsOfEngine(engine: Engine): LedgerReads {
  let reads = engineReads.get(engine);
  if (reads === undefined) {
    reads = readsOn(engine.db, engine.named);
    engineReads.set(engine, reads);
  }
  return reads;
}

export function storeOn(engine: Engine, recorder: Recorder = defaultRecorder(), owner = true): Store {
  const keep = keepCheckResultOn(engine);
  return {
    ...readsOfEngine(engine),
    async transact(work) {
      const written = nothingWritten();
      const result = await engine.transact(async (conn) => {
        const by = attributionOf(recorder);
        const audit = new TransactionAudit(recorder.source);
        const r = await work(audited(writesOn(conn, by, written), audit));
        await settle(conn, written);
        countMoves(written, await refreshClosedOn(conn, [...written.moved]));
        await refreshAppliedOn(conn, [...written.payments]);
        // The audit trail of the transaction, in it: committed with the change or not at all.
        await appendAudit(conn.db, audit.rows(stampOf(recorder, by)));
        return r;
      });
      // Bulk loads leave the planner without statistics (PGlite has no autovacuum): refresh them now,
      // so the next report is planned on the real table sizes. The closings change with allocations.
      const big = [...written.rows].filter(([, n]) => n >= ANALYZE_AFTER).map(([t]) => t);
      if (big.includes('allocations') && !big.includes('document_closings')) big.push('document_closings');
      // Documents leave open_documents as they close: its dead rows are cleared for the scans of the open ones.
      if (written.moves >= ANALYZE_AFTER) await sql`vacuum open_documents`.execute(engine.db);
      // The as-of reads probe `allocations` by an index-only scan per document: a bulk load's new pages are not yet
      // all-visible, so each probe that finds rows also read the heap (PGlite has no autovacuum to set them, and
      // PostgreSQL's comes later). A vacuum of the table marks them, and analyzes it.
      if (big.includes('allocations')) await sql`vacuum (analyze) allocations`.execute(engine.db);
      const analyze = big.filter((t) => t !== 'allocations');
      if (analyze.length > 0) await sql.raw(`analyze ${analyze.join(', ')}`).execute(engine.db);
      return result;
    },
    info: async () => {
      const migration = await lastMigration(engine.db);
      return { kind: engine.kind, ...(migration !== undefined ? { migration } : {}) };
    },
    keepCheckResult: (result, event) => {
      const { recordedBy, recordedAt } = attributionOf(recorder);
      return keep({ result, ...(event !== undefined ? { event } : {}), by: { recordedBy, recordedAt } });
    },
    withActor: (actor) => storeOn(engine, recorderFor(recorder, actor), false),
    // A view (withActor) leaves the engine to the store that opened it.
    close: () => (owner ? engine.close() : Promise.resolve()),
  };
}
