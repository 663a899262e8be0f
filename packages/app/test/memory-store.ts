import {
  type Allocation,
  type BehaviourSums,
  type BucketCell,
  type BusinessDate,
  behaviourSums,
  bucketCells,
  bucketSet,
  type CurrencyCode,
  daysBetween,
  type FxRate,
  type GradeOverrideEvent,
  type KpiInputs,
  kpiInputsFromItems,
  type OpenItem,
  openItemsAsOf,
  paymentSettlements,
  signedAmount,
  type YearMonth,
} from '@credence/core';
import type { BankStatementKey } from '../src/bank-statements/ports';
import type { CashLineFilter } from '../src/cash-application/ports';
import type { CheckResultQuery } from '../src/credit/check-results-ports';
import type { PolicyKind } from '../src/policies/ports';
import type {
  AgingPositions,
  Attribution,
  CreditorLedger,
  DocumentMismatch,
  LedgerReads,
  LedgerWrites,
  OpenInvoice,
  OverdueBuyer,
  Store,
  StoreInfo,
} from '../src/ports';
import type { KpiMonth, KpiPerson, PersonKpiRow } from '../src/reports/kpis-by-person';
import type { PortfolioBuyer, PortfolioFilter } from '../src/reports/ports';
import type { Actor } from '../src/users';
import type { WebhookEventType } from '../src/webhooks/ports';
import { bankReads, bankWrites } from './memory-bank';
import { collectionsReads, collectionsWrites } from './memory-collections';
import { forecastReads, forecastWrites } from './memory-forecast';
import { insuranceReads, insuranceWrites } from './memory-insurance';
import { jobsReads, jobsWrites } from './memory-jobs';
import { monitoringReads, monitoringWrites } from './memory-monitoring';
import { copy, emptyState, externalKey, pick, type State, statementKey } from './memory-state';
import { usersReads, usersWrites } from './memory-users';
import { webhooksReads, webhooksWrites } from './memory-webhooks';

/** Reads over one state, computed with core's pure functions (the reference the SQL store is held to). */
function reads(s: () => State): LedgerReads {
  const docs = () => [...s().documents.values()];
  const items = (asOf: BusinessDate) => openItemsAsOf(docs(), s().allocations, asOf);
  const view: LedgerReads = {
    ...collectionsReads(
      () => s().collections,
      () => s(),
    ),
    ...usersReads(() => s().people),
    ...jobsReads(() => s().jobs),
    ...webhooksReads(() => s().webhooks),
    ...bankReads(() => s().bank),
    ...monitoringReads(s),
    ...forecastReads(s),
    workingCapitalMonths: async (from, to) => {
      const latest = new Map<string, State['workingCapital'][number]>();
      for (const w of s().workingCapital) if (w.month >= from && w.month <= to) latest.set(w.month, w);
      return [...latest.values()].sort((a, b) => (a.month < b.month ? -1 : 1));
    },
    ...insuranceReads(
      () => s().insurance,
      () => s(),
    ),
    // The audit trail is written by the db store's write layer (packages/db/src/audit-writes.ts), tested there.
    auditEntries: async () => [],
    getBuyer: async (id) => s().buyers.get(id),
    correctionsOf: async (id) => {
      const byDateId = <T extends { date: string; id: string }>(a: T, b: T) =>
        a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
      const writeOffs = [...s().writeOffs.values()]
        .filter((w) => s().documents.get(w.documentNumber)?.buyerId === id)
        .sort(byDateId);
      const ours = new Set([
        ...writeOffs.map((w) => `write_off|${w.id}`),
        ...[...s().payments.values()].filter((p) => p.buyerId === id).map((p) => `payment|${p.id}`),
      ]);
      const reversals = [...s().reversals.values()].filter((r) => ours.has(`${r.kind}|${r.targetId}`)).sort(byDateId);
      return { writeOffs, reversals };
    },
    listBuyers: async () => [...s().buyers.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
    findBuyers: async (ids) => pick(s().buyers, ids),
    externalGradesOf: async (id) =>
      [...s().external.values()]
        .filter((g) => g.buyerId === id)
        .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
    buyerFirstInvoice: async (id) =>
      [...s().documents.values()]
        .filter((d) => d.buyerId === id && d.type === 'invoice')
        .reduce<BusinessDate | undefined>((m, d) => (m === undefined || d.issueDate < m ? d.issueDate : m), undefined),
    ordersOf: async (id) => [...s().orders.values()].filter((o) => o.buyerId === id),
    holdsOf: async (id) => s().holds.filter((h) => h.buyerId === id),
    gradeOverridesOf: async (id) => s().overrides.filter((o) => o.buyerId === id),
    gradeOverridesUpTo: async (asOf) =>
      s()
        .overrides.filter((o) => o.recordedOn <= asOf)
        .sort((a, b) => (a.buyerId < b.buyerId ? -1 : a.buyerId > b.buyerId ? 1 : a.id - b.id)),
    securityEventsOf: async (id) => s().securityEvents.filter((e) => e.buyerId === id),
    statementRecords: async (buyerId, from, asOf) =>
      s().statementRecords.filter((r) => r.buyerId === buyerId && r.asOf >= from && r.asOf <= asOf),
    deliveryConfirmations: async (documents) =>
      s().deliveryConfirmations.filter((c) => documents === undefined || documents.includes(c.document)),
    deliveriesAwaiting: async (deliveredBy, buyerId) => {
      const moved = new Map<string, bigint>();
      for (const a of s().allocations) moved.set(a.documentNumber, (moved.get(a.documentNumber) ?? 0n) + a.delta);
      const done = new Set(s().deliveryConfirmations.map((c) => c.document));
      return docs()
        .filter(
          (d) =>
            d.type === 'invoice' &&
            (buyerId === undefined || d.buyerId === buyerId) &&
            !done.has(d.number) &&
            (d.deliveryDate ?? d.issueDate) <= deliveredBy &&
            d.amount + (moved.get(d.number) ?? 0n) > 0n,
        )
        .map((d) => ({
          number: d.number,
          buyerId: d.buyerId,
          currency: d.currency,
          amount: d.amount,
          issueDate: d.issueDate,
          ...(d.deliveryDate !== undefined ? { deliveryDate: d.deliveryDate } : {}),
        }));
    },
    allSecurityEvents: async () =>
      [...s().securityEvents].sort((a, b) =>
        a.buyerId !== b.buyerId ? (a.buyerId < b.buyerId ? -1 : 1) : a.id - b.id,
      ),
    policyVersions: async (kind) => s().policies.filter((p) => kind === undefined || p.kind === kind),
    limitEventsOf: async (id) => s().limitEvents.filter((e) => e.buyerId === id),
    pendingLimitRequests: async ({ limit, offset }) => {
      const answered = new Set(s().limitEvents.map((e) => e.requestId));
      const all = s().limitEvents.filter((e) => e.kind === 'request' && !answered.has(e.id));
      return { requests: all.slice(offset, offset + limit), total: all.length };
    },
    creditCheckResults: async (q) => {
      const all = s()
        .checkResults.filter(
          (r) =>
            (q.decision === undefined || r.decision === q.decision) &&
            (q.from === undefined || r.asOf >= q.from) &&
            (q.to === undefined || r.asOf <= q.to),
        )
        .reverse();
      return { results: all.slice(q.offset, q.offset + q.limit), total: all.length };
    },
    buyerSales: async (id, from, to) => {
      const out = new Map<CurrencyCode, bigint>();
      for (const d of s().documents.values())
        if (d.buyerId === id && d.issueDate >= from && d.issueDate <= to)
          out.set(d.currency, (out.get(d.currency) ?? 0n) + signedAmount(d));
      return [...out]
        .map(([currency, amount]) => ({ currency, amount }))
        .sort((a, b) => (a.currency < b.currency ? -1 : 1));
    },
    buyerDocuments: async (id, from, to) =>
      [...s().documents.values()]
        .filter((d) => d.buyerId === id && d.issueDate >= from && d.issueDate <= to)
        .sort((a, b) =>
          a.issueDate !== b.issueDate ? (a.issueDate < b.issueDate ? -1 : 1) : a.number < b.number ? -1 : 1,
        ),
    salesByBuyer: async (from, to) => {
      const out = new Map<string, { buyerId: string; currency: CurrencyCode; amount: bigint }>();
      for (const d of s().documents.values())
        if (d.issueDate >= from && d.issueDate <= to) {
          const k = `${d.buyerId} ${d.currency}`;
          const was = out.get(k)?.amount ?? 0n;
          out.set(k, { buyerId: d.buyerId, currency: d.currency, amount: was + signedAmount(d) });
        }
      return [...out.values()].sort((a, b) =>
        a.buyerId !== b.buyerId ? (a.buyerId < b.buyerId ? -1 : 1) : a.currency < b.currency ? -1 : 1,
      );
    },
    gradesOf: async (id) =>
      [...s().grades.values()].filter((g) => g.buyerId === id).sort((a, b) => (a.asOf < b.asOf ? -1 : 1)),
    gradesOn: async (asOf) =>
      [...s().grades.values()].filter((g) => g.asOf === asOf).sort((a, b) => (a.buyerId < b.buyerId ? -1 : 1)),
    statementsOf: async (id) =>
      [...s().statements.values()].filter((x) => x.buyerId === id).sort((a, b) => a.fiscalYear - b.fiscalYear),
    statementsUpTo: async (asOf) =>
      [...s().statements.values()]
        .filter((x) => x.periodEnd <= asOf)
        .sort((a, b) => (a.buyerId < b.buyerId ? -1 : a.buyerId > b.buyerId ? 1 : a.fiscalYear - b.fiscalYear)),
    dailySteps: async (asOf) =>
      [...s().dailySteps.values()]
        .filter((r) => r.asOf === asOf)
        .sort((a, b) => a.finishedAt.getTime() - b.finishedAt.getTime()),
    dailyRunLease: async (asOf) => s().dailyRuns.get(asOf),
    findDocuments: async (numbers) => pick(s().documents, numbers),
    findPayments: async (ids) => pick(s().payments, ids),
    openInvoices: async (buyerIds) => {
      const wanted = new Set(buyerIds);
      const moved = new Map<string, bigint>();
      for (const a of s().allocations) moved.set(a.documentNumber, (moved.get(a.documentNumber) ?? 0n) + a.delta);
      const out: OpenInvoice[] = [];
      for (const d of docs()) {
        if (d.type !== 'invoice' || !wanted.has(d.buyerId)) continue;
        const open = d.amount + (moved.get(d.number) ?? 0n);
        if (open > 0n) {
          out.push({
            number: d.number,
            buyerId: d.buyerId,
            currency: d.currency,
            issueDate: d.issueDate,
            dueDate: d.dueDate,
            open,
          });
        }
      }
      return out;
    },
    buyerOpenItems: async (buyerId, asOf) => items(asOf).filter((i) => i.buyerId === buyerId),
    agingCells: async (asOf, bounds, byBuyer) => {
      const set = bucketSet(bounds);
      if (!set.ok) throw new Error('bad bounds');
      return bucketCells(items(asOf), asOf, set.value, byBuyer) as BucketCell[];
    },
    kpiInputs: async (from, asOf) => {
      const currencies = [...new Set(docs().map((d) => d.currency))].sort();
      return currencies.map((c) => kpiInputsFromItems(docs(), s().allocations, c, from, asOf)) as KpiInputs[];
    },
    personKpiInputs: async (by, months) => {
      const out: PersonKpiRow[] = [];
      const who = (buyerId: string) => {
        const b = s().buyers.get(buyerId);
        return (by === 'sales_owner' ? b?.salesOwner : b?.collector) ?? '';
      };
      const people = [...new Set(docs().map((d) => `${who(d.buyerId)}\u0000${d.currency}`))].sort();
      for (const key of people) {
        const [person = '', currency = ''] = key.split('\u0000');
        const mine = docs().filter((d) => who(d.buyerId) === person && d.currency === currency);
        const numbers = new Set(mine.map((d) => d.number));
        const allocs = s().allocations.filter((a) => numbers.has(a.documentNumber));
        months.forEach((m, month) => {
          if (!mine.some((d) => d.issueDate <= m.to)) return;
          const k = kpiInputsFromItems(mine, allocs, currency as CurrencyCode, m.from, m.to);
          const invoices = new Set(mine.filter((d) => d.type === 'invoice').map((d) => d.number));
          const collected = -allocs
            .filter((a) => a.kind === 'payment' && invoices.has(a.documentNumber) && a.date >= m.from && a.date <= m.to)
            .reduce((t, a) => t + a.delta, 0n);
          out.push({ ...k, person, currency: currency as CurrencyCode, month, collected });
        });
      }
      return out.map(({ person, currency, month, totalAr, currentAr, beginningAr, creditSales, collected }) => ({
        person,
        currency,
        month,
        totalAr,
        currentAr,
        beginningAr,
        creditSales,
        collected,
      }));
    },
    behaviourSums: async (from, asOf, buyerId) => {
      const all = paymentSettlements(docs(), s().allocations, from, asOf);
      return behaviourSums(buyerId === undefined ? all : all.filter((x) => x.buyerId === buyerId)) as BehaviourSums[];
    },
    behaviourWindows: async (windows) =>
      Promise.all(
        windows.map(async (w) => ({
          sums: await view.behaviourSums(w.from, w.to),
          partial: await view.partialSettlements(w.from, w.to),
        })),
      ),
    unappliedCash: async (asOf) => unapplied(s(), asOf),
    unappliedPayments: async (buyerId, asOf) => {
      const reversed = new Set(
        [...s().reversals.values()].filter((r) => r.kind === 'payment' && r.date <= asOf).map((r) => r.targetId),
      );
      return [...s().payments.values()]
        .filter((p) => p.buyerId === buyerId && p.date <= asOf && !reversed.has(p.id))
        .map((p) => ({
          id: p.id,
          date: p.date,
          currency: p.currency,
          amount: p.amount,
          unapplied: s().allocations.reduce(
            (t, a) => (a.kind === 'payment' && a.entryId === p.id && a.date <= asOf ? t + a.delta : t),
            p.amount,
          ),
        }))
        .filter((p) => p.unapplied > 0n)
        .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
    },
    topOverdue: async (asOf, limit) => topOverdue(s(), items(asOf), asOf, limit),
    fxRates: async () => [...s().fxRates.values()],
    counts: async () => ({
      buyers: s().buyers.size,
      documents: s().documents.size,
      payments: s().payments.size,
      allocations: s().allocations.length,
    }),
    // By definition: the per-buyer reads of each buyer matching the filter that has an open item.
    portfolioPositions: async (asOf, filter) => {
      const out: PortfolioBuyer[] = [];
      for (const b of [...s().buyers.values()].sort((x, y) => (x.id < y.id ? -1 : 1))) {
        const g = [...s().grades.values()]
          .filter((r) => r.buyerId === b.id && r.asOf <= asOf)
          .sort((x, y) => (x.asOf < y.asOf ? -1 : 1))
          .at(-1)?.grade;
        if (filter.buyerId !== undefined && b.id !== filter.buyerId) continue;
        if (filter.country !== undefined && b.country !== filter.country) continue;
        if (filter.grade !== undefined && g?.grade !== filter.grade) continue;
        const its = await view.buyerOpenItems(b.id, asOf);
        if (its.length === 0) continue;
        const head = { buyerId: b.id, name: b.name, country: b.country };
        const graded = g ? { grade: g.grade, tier: g.tier } : {};
        out.push({ ...head, ...graded, items: its, payments: await view.unappliedPayments(b.id, asOf) });
      }
      return out;
    },
    latestGrades: async (asOf) => {
      const latest = new Map<string, { buyerId: string; grade: number; tier: string }>();
      for (const r of [...s().grades.values()].sort((x, y) => (x.asOf < y.asOf ? -1 : 1)))
        if (r.asOf <= asOf) latest.set(r.buyerId, { buyerId: r.buyerId, grade: r.grade.grade, tier: r.grade.tier });
      return [...latest.values()].sort((x, y) => (x.buyerId < y.buyerId ? -1 : 1));
    },
    limitEventsUpTo: async (asOf) =>
      s()
        .limitEvents.filter((e) => (e.kind === 'approval' || e.kind === 'temporary') && e.validFrom <= asOf)
        .sort((a, b) => (a.buyerId < b.buyerId ? -1 : a.buyerId > b.buyerId ? 1 : a.id - b.id)),
    // By definition: the aging's read at each date, one after the other.
    agingPositionsAt: async (dates, bounds) => {
      const out: AgingPositions[] = [];
      for (const d of dates) out.push(await view.agingPositions(d, bounds, false));
      return out;
    },
    // By definition: the per-buyer reads of every buyer with a negative item or unapplied cash.
    agingPositions: async (asOf, bounds, byBuyer) => {
      const ids = [...s().buyers.keys(), ...docs().map((d) => d.buyerId)];
      const creditors: CreditorLedger[] = [];
      for (const buyerId of [...new Set(ids)].sort()) {
        const [its, payments] = [await view.buyerOpenItems(buyerId, asOf), await view.unappliedPayments(buyerId, asOf)];
        if (payments.length > 0 || its.some((i) => i.open < 0n)) creditors.push({ buyerId, items: its, payments });
      }
      // No bounds: only the creditors and the unapplied cash are wanted (the worklist's read), no cells.
      const set = bounds.length === 0 ? undefined : bucketSet(bounds);
      if (set !== undefined && !set.ok) throw new Error('bad bounds');
      const others = items(asOf).filter((i) => !creditors.some((c) => c.buyerId === i.buyerId));
      const cells = set === undefined ? [] : (bucketCells(others, asOf, set.value, byBuyer) as BucketCell[]);
      return { cells, unappliedCash: await view.unappliedCash(asOf), creditors };
    },
  };
  return view;
}

function unapplied(s: State, asOf: BusinessDate) {
  const reversed = new Set(
    [...s.reversals.values()].filter((r) => r.kind === 'payment' && r.date <= asOf).map((r) => r.targetId),
  );
  const applied = new Map<string, bigint>();
  for (const a of s.allocations) {
    if (a.kind === 'payment' && a.date <= asOf) applied.set(a.entryId, (applied.get(a.entryId) ?? 0n) - a.delta);
  }
  const sums = new Map<string, { buyerId: string; currency: CurrencyCode; amount: bigint }>();
  for (const p of s.payments.values()) {
    if (p.date > asOf || reversed.has(p.id)) continue;
    const left = p.amount - (applied.get(p.id) ?? 0n);
    const key = `${p.buyerId}\u0000${p.currency}`;
    const g = sums.get(key) ?? { buyerId: p.buyerId, currency: p.currency, amount: 0n };
    g.amount += left;
    sums.set(key, g);
  }
  return [...sums.values()].filter((g) => g.amount !== 0n);
}

function topOverdue(s: State, items: readonly OpenItem[], asOf: BusinessDate, limit: number): OverdueBuyer[] {
  const groups = new Map<string, OverdueBuyer & { overdue: bigint; open: bigint }>();
  for (const it of items) {
    const key = `${it.buyerId}\u0000${it.currency}`;
    const g = groups.get(key) ?? {
      buyerId: it.buyerId,
      name: s.buyers.get(it.buyerId)?.name ?? it.buyerId,
      currency: it.currency,
      overdue: 0n,
      open: 0n,
      oldestDaysOverdue: 0,
    };
    const days = daysBetween(it.dueDate, asOf);
    const next = {
      ...g,
      open: g.open + it.open,
      overdue: days > 0 ? g.overdue + it.open : g.overdue,
      oldestDaysOverdue: days > 0 && it.open > 0n ? Math.max(g.oldestDaysOverdue, days) : g.oldestDaysOverdue,
    };
    groups.set(key, next);
  }
  return [...groups.values()]
    .filter((g) => g.overdue > 0n)
    .sort((a, b) => (a.overdue === b.overdue ? (a.buyerId < b.buyerId ? -1 : 1) : a.overdue > b.overdue ? -1 : 1))
    .slice(0, limit);
}

/** Writes in one transaction; like the real store, every ledger entry is stamped with `by`. */
function writes(s: () => State, by: Attribution): LedgerWrites {
  const claim = (key: string) => {
    if (s().keys.has(key)) throw new Error(`duplicate idempotency key ${key}`);
    s().keys.add(key);
  };
  const insert = <T extends { idempotencyKey: string; recorded?: Attribution }>(
    m: Map<string, T>,
    rows: readonly T[],
    id: (r: T) => string,
  ) => {
    for (const r of rows) {
      claim(r.idempotencyKey);
      if (m.has(id(r))) throw new Error(`duplicate id ${id(r)}`);
      m.set(id(r), { ...r, recorded: by });
    }
  };
  return {
    ...reads(s),
    ...collectionsWrites(
      () => s().collections,
      () => s().documents.size,
    ),
    ...usersWrites(() => s().people, by.recordedAt),
    ...jobsWrites(() => s().jobs, by.recordedAt, by.recordedBy),
    ...webhooksWrites(() => s().webhooks, by),
    ...bankWrites(() => s().bank, by),
    ...monitoringWrites(s),
    ...forecastWrites(s, by),
    appendWorkingCapital: async (f) => {
      const stored = { ...f, id: s().workingCapital.length + 1, recordedAt: by.recordedAt };
      s().workingCapital.push(stored);
      return stored;
    },
    recordDailyStep: async (r) => {
      const key = `${r.asOf}|${r.step}`;
      const attempts = (s().dailySteps.get(key)?.attempts ?? 0) + 1;
      s().dailySteps.set(key, { ...r, attempts });
    },
    holdDailyRun: async (l) => {
      s().dailyRuns.set(l.asOf, l);
    },
    releaseDailyRun: async (asOf, token) => {
      if (s().dailyRuns.get(asOf)?.token === token) s().dailyRuns.delete(asOf);
    },
    ...insuranceWrites(() => s().insurance, by),
    upsertBuyers: async (rows) => {
      for (const b of rows) s().buyers.set(b.id, b);
    },
    upsertExternalGrades: async (rows) => {
      for (const g of rows) s().external.set(externalKey(g), g);
    },
    findExternalGrades: async (keys) => pick(s().external, keys.map(externalKey)),
    upsertOrders: async (rows) => {
      for (const o of rows) s().orders.set(o.id, o);
    },
    findOrders: async (ids) => pick(s().orders, ids),
    insertStatementRecord: async (r) => {
      const same = (x: typeof r) =>
        x.buyerId === r.buyerId && x.asOf === r.asOf && x.kind === r.kind && x.document === r.document;
      if (s().statementRecords.some(same)) return false;
      s().statementRecords.push(r);
      return true;
    },
    insertDeliveryConfirmation: async (c) => {
      if (s().deliveryConfirmations.some((x) => x.document === c.document)) return false;
      s().deliveryConfirmations.push(c);
      return true;
    },
    appendSecurityEvent: async (e) => {
      const twice = s().securityEvents.some(
        (x) => x.buyerId === e.buyerId && x.securityId === e.securityId && x.action === e.action,
      );
      if (twice) throw new Error(`security ${e.securityId} ${e.action} twice`);
      const stored = { ...e, id: s().securityEvents.length + 1 };
      s().securityEvents.push(stored);
      return stored;
    },
    appendGradeOverride: async (e) => {
      const stored = { ...e, id: s().overrides.length + 1 } as GradeOverrideEvent;
      s().overrides.push(stored);
      return stored;
    },
    appendPolicyVersion: async (v) => {
      const version = s().policies.filter((p) => p.kind === v.kind).length + 1;
      const stored = { ...v, version, recordedAt: by.recordedAt };
      s().policies.push(stored);
      return stored;
    },
    appendHold: async (e) => {
      const stored = { ...e, id: s().holds.length + 1 };
      s().holds.push(stored);
      return stored;
    },
    // Its transactions are not concurrent-safe (a copy replaces the state): the lock orders nothing here.
    lock: async () => {},
    lockAll: async () => {},
    appendCreditCheckResult: async (r) => {
      s().checkResults.push({
        ...r,
        id: s().checkResults.length + 1,
        checkedBy: by.recordedBy,
        checkedAt: by.recordedAt,
      });
    },
    appendLimitEvent: async (e) => {
      const stored = { ...e, id: s().limitEvents.length + 1 };
      s().limitEvents.push(stored);
      return stored;
    },
    upsertGrades: async (rows) => {
      for (const g of rows) s().grades.set(`${g.buyerId}|${g.asOf}`, g);
    },
    upsertStatements: async (rows) => {
      for (const x of rows) s().statements.set(statementKey(x), x);
    },
    findStatements: async (keys) => {
      const m = s().statements;
      return pick(m, keys.map(statementKey));
    },
    insertDocuments: async (rows) => {
      for (const d of rows) if (!s().buyers.has(d.buyerId)) throw new Error(`foreign key: buyer ${d.buyerId}`);
      insert(s().documents, rows, (d) => d.number);
    },
    insertPayments: async (rows) => insert(s().payments, rows, (p) => p.id),
    insertAllocations: async (rows) => {
      for (const a of rows) {
        if (!s().documents.has(a.documentNumber)) throw new Error(`foreign key: document ${a.documentNumber}`);
        s().allocations.push(a);
      }
    },
    insertSettlements: async ({ payments, allocations }) => {
      insert(s().payments, payments, (p) => p.id);
      for (const a of allocations) {
        if (!s().documents.has(a.documentNumber)) throw new Error(`foreign key: document ${a.documentNumber}`);
        s().allocations.push(a);
      }
    },
    insertWriteOffs: async (rows) => insert(s().writeOffs, rows, (w) => w.id),
    insertReversals: async (rows) => insert(s().reversals, rows, (r) => r.id),
    insertCashApplications: async (rows) => insert(s().cashApplications, rows, (r) => r.id),
    findCashApplications: async (ids) => pick(s().cashApplications, ids),
    insertFxRates: async (rows) => {
      for (const r of rows) {
        const key = `${r.date}|${r.from}|${r.to}`;
        const before = s().fxRates.get(key);
        if (before !== undefined && signedRate(before) !== signedRate(r)) throw new Error(`fx rate conflict ${key}`);
        s().fxRates.set(key, r);
      }
    },
    allocationsOf: async (kind, entryId) => s().allocations.filter((a) => a.kind === kind && a.entryId === entryId),
    findWriteOffs: async (ids) => pick(s().writeOffs, ids),
    findReversals: async (ids) => pick(s().reversals, ids),
    reversalOf: async (kind, targetId) =>
      [...s().reversals.values()].find((r) => r.kind === kind && r.targetId === targetId),
    storedHashes: async (kind, keys) =>
      kind === 'document'
        ? pick(s().documents, keys).map((d) => ({ key: d.number, contentHash: d.contentHash }))
        : pick(s().payments, keys).map((p) => ({ key: p.id, contentHash: p.contentHash })),
    hasEntries: async (kind) => (kind === 'document' ? s().documents.size : s().payments.size) > 0,
    unknownBuyers: async (ids) => [...new Set(ids)].filter((id) => !s().buyers.has(id)),
    documentMismatches: async (refs) => {
      const out = new Map<string, DocumentMismatch>();
      for (const ref of refs) {
        const d = s().documents.get(ref.number);
        if (d !== undefined && d.buyerId === ref.buyerId && d.currency === ref.currency) continue;
        const stored = d === undefined ? undefined : { number: d.number, buyerId: d.buyerId, currency: d.currency };
        out.set(`${ref.number}\u0000${ref.buyerId}\u0000${ref.currency}`, { ref, stored });
      }
      return [...out.values()];
    },
  };
}

const signedRate = (r: FxRate): string => `${r.rate.coefficient}e-${r.rate.scale}`;

const memoryRecorder = { by: 'tester', now: () => new Date('2026-06-30T12:00:00Z') };

/** An in-memory Store: transactions work on a copy that replaces the state only when `work` succeeds. */
export class MemoryStore implements Store {
  /** Who the entries are recorded for (the CLI's operator and clock in production). */
  constructor(
    private readonly recorder: { readonly by: string; readonly now: () => Date } = memoryRecorder,
    /** The state, shared with the views `withActor` makes. */
    private readonly shared: { state: State } = { state: emptyState() },
  ) {}

  /** How many transactions committed (tests check that rejected imports commit nothing). */
  commits = 0;
  private readonly view = reads(() => this.shared.state);

  getBuyer = (id: string) => this.view.getBuyer(id);
  monitoringFacts = (asOf: BusinessDate) => this.view.monitoringFacts(asOf);
  countryRisks = (asOf: BusinessDate, since: BusinessDate) => this.view.countryRisks(asOf, since);
  alerts = (q: import('../src/monitoring/ports').AlertQuery) => this.view.alerts(q);
  alertDigests = (d: BusinessDate) => this.view.alertDigests(d);
  partialSettlements = (from: BusinessDate, asOf: BusinessDate) => this.view.partialSettlements(from, asOf);
  behaviourWindows = (ws: readonly import('../src/monitoring/ports').SettlementWindow[]) =>
    this.view.behaviourWindows(ws);
  listBuyers = () => this.view.listBuyers();
  findBuyers = (ids: readonly string[]) => this.view.findBuyers(ids);
  statementsOf = (id: string) => this.view.statementsOf(id);
  statementsUpTo = (asOf: BusinessDate) => this.view.statementsUpTo(asOf);
  dailySteps = (asOf: BusinessDate) => this.view.dailySteps(asOf);
  dailyRunLease = (asOf: BusinessDate) => this.view.dailyRunLease(asOf);
  gradesOf = (id: string) => this.view.gradesOf(id);
  limitEventsOf = (id: string) => this.view.limitEventsOf(id);
  pendingLimitRequests = (page: { limit: number; offset: number }) => this.view.pendingLimitRequests(page);
  creditCheckResults = (q: CheckResultQuery) => this.view.creditCheckResults(q);
  ordersOf = (id: string) => this.view.ordersOf(id);
  buyerFirstInvoice = (id: string) => this.view.buyerFirstInvoice(id);
  externalGradesOf = (id: string) => this.view.externalGradesOf(id);
  holdsOf = (id: string) => this.view.holdsOf(id);
  gradeOverridesOf = (id: string) => this.view.gradeOverridesOf(id);
  gradeOverridesUpTo = (asOf: BusinessDate) => this.view.gradeOverridesUpTo(asOf);
  securityEventsOf = (id: string) => this.view.securityEventsOf(id);
  deliveryConfirmations = (documents?: readonly string[]) => this.view.deliveryConfirmations(documents);
  statementRecords = (id: string, from: BusinessDate, asOf: BusinessDate) => this.view.statementRecords(id, from, asOf);
  deliveriesAwaiting = (by: BusinessDate, buyerId?: string) => this.view.deliveriesAwaiting(by, buyerId);
  allSecurityEvents = () => this.view.allSecurityEvents();
  policyVersions = (kind?: PolicyKind) => this.view.policyVersions(kind);
  buyerSales = (id: string, from: BusinessDate, to: BusinessDate) => this.view.buyerSales(id, from, to);
  salesByBuyer = (from: BusinessDate, to: BusinessDate) => this.view.salesByBuyer(from, to);
  buyerDocuments = (id: string, from: BusinessDate, to: BusinessDate) => this.view.buyerDocuments(id, from, to);
  gradesOn = (asOf: BusinessDate) => this.view.gradesOn(asOf);
  findDocuments = (n: readonly string[]) => this.view.findDocuments(n);
  findPayments = (ids: readonly string[]) => this.view.findPayments(ids);
  openInvoices = (ids: readonly string[]) => this.view.openInvoices(ids);
  buyerOpenItems = (id: string, asOf: BusinessDate) => this.view.buyerOpenItems(id, asOf);
  agingCells = (asOf: BusinessDate, b: readonly number[], by: boolean) => this.view.agingCells(asOf, b, by);
  kpiInputs = (from: BusinessDate, asOf: BusinessDate) => this.view.kpiInputs(from, asOf);
  behaviourSums = (from: BusinessDate, asOf: BusinessDate, id?: string) => this.view.behaviourSums(from, asOf, id);
  unappliedCash = (asOf: BusinessDate) => this.view.unappliedCash(asOf);
  topOverdue = (asOf: BusinessDate, limit: number) => this.view.topOverdue(asOf, limit);
  unappliedPayments = (buyerId: string, asOf: BusinessDate) => this.view.unappliedPayments(buyerId, asOf);
  agingPositions = (asOf: BusinessDate, b: readonly number[], by: boolean) => this.view.agingPositions(asOf, b, by);
  agingPositionsAt = (dates: readonly BusinessDate[], b: readonly number[]) => this.view.agingPositionsAt(dates, b);
  portfolioPositions = (asOf: BusinessDate, f: PortfolioFilter) => this.view.portfolioPositions(asOf, f);
  limitEventsUpTo = (asOf: BusinessDate) => this.view.limitEventsUpTo(asOf);
  latestGrades = (asOf: BusinessDate) => this.view.latestGrades(asOf);
  fxRates = () => this.view.fxRates();
  correctionsOf = (buyerId: string) => this.view.correctionsOf(buyerId);
  counts = () => this.view.counts();
  bankStatementsLike = (keys: readonly BankStatementKey[], hashes: readonly string[]) =>
    this.view.bankStatementsLike(keys, hashes);
  bankStatementLines = (id: string) => this.view.bankStatementLines(id);
  paymentHistory = (asOf: BusinessDate) => this.view.paymentHistory(asOf);
  latestForecastModel = () => this.view.latestForecastModel();
  workingCapitalMonths = (from: YearMonth, to: YearMonth) => this.view.workingCapitalMonths(from, to);
  personKpiInputs = (by: KpiPerson, months: readonly KpiMonth[]) => this.view.personKpiInputs(by, months);
  receiptsBetween = (from: BusinessDate, to: BusinessDate) => this.view.receiptsBetween(from, to);
  cashForecastRuns = () => this.view.cashForecastRuns();
  insurancePolicies = () => this.view.insurancePolicies();
  insuranceLedger = (buyerId: string, asOf: BusinessDate) => this.view.insuranceLedger(buyerId, asOf);
  insuranceEvents = (q?: Parameters<LedgerReads['insuranceEvents']>[0]) => this.view.insuranceEvents(q);
  linesToMatch = (statement?: string) => this.view.linesToMatch(statement);
  cashLines = (f: CashLineFilter) => this.view.cashLines(f);
  cashLine = (statement: string, line: number) => this.view.cashLine(statement, line);
  learnedIbans = () => this.view.learnedIbans();
  dunnableItems = (asOf: BusinessDate, dueBy: BusinessDate) => this.view.dunnableItems(asOf, dueBy);
  documentReductions = (n: readonly string[], asOf: BusinessDate) => this.view.documentReductions(n, asOf);
  openCreditNotes = (asOf: BusinessDate, ids: readonly string[]) => this.view.openCreditNotes(asOf, ids);
  collectionEvents = (buyerId?: string) => this.view.collectionEvents(buyerId);
  lastLetters = (asOf: BusinessDate) => this.view.lastLetters(asOf);
  latestLetterDate = () => this.view.latestLetterDate();
  lastConfirmedRun = () => this.view.lastConfirmedRun();
  backdatedInvoices = () => this.view.backdatedInvoices();
  findLetters = (ids: readonly string[]) => this.view.findLetters(ids);
  lettersOf = (buyerId: string) => this.view.lettersOf(buyerId);
  letterIdsOfDocuments = (numbers: readonly string[]) => this.view.letterIdsOfDocuments(numbers);
  lettersOn = (asOf: BusinessDate) => this.view.lettersOn(asOf);
  outboxEntries = (st: Parameters<LedgerReads['outboxEntries']>[0]) => this.view.outboxEntries(st);
  deliveriesOf = (buyerId: string) => this.view.deliveriesOf(buyerId);
  paymentsOf = (buyerId: string) => this.view.paymentsOf(buyerId);
  worklistTasks = (q: Parameters<LedgerReads['worklistTasks']>[0]) => this.view.worklistTasks(q);
  principalOfToken = (hash: string) => this.view.principalOfToken(hash);
  findUser = (name: string) => this.view.findUser(name);
  listUsers = () => this.view.listUsers();
  userLanguage = (name: string) => this.view.userLanguage(name);
  auditEntries = () => this.view.auditEntries({});
  findJob = (id: string) => this.view.findJob(id);
  webhookSubscriptions = () => this.view.webhookSubscriptions();
  webhookSubscribed = (type: WebhookEventType) => this.view.webhookSubscribed(type);
  webhookDeliveries = (id: string, limit: number) => this.view.webhookDeliveries(id, limit);

  /** The webhook events written (the outbox), for assertions. */
  webhookEvents(): readonly { readonly type: string; readonly payload: unknown; readonly dedupKey?: string }[] {
    return this.shared.state.webhooks.events;
  }

  /** Every allocation row, for assertions. */
  allocations(): readonly Allocation[] {
    return this.shared.state.allocations;
  }

  /** Open balance per document as of a date, straight from core (for assertions). */
  balance(number: string, asOf: BusinessDate): bigint {
    const d = this.shared.state.documents.get(number);
    if (d === undefined) throw new Error(`no document ${number}`);
    if (d.issueDate > asOf) return 0n;
    return this.shared.state.allocations
      .filter((a) => a.documentNumber === number && a.date <= asOf)
      .reduce((s, a) => s + a.delta, signedAmount(d));
  }

  async transact<T>(work: (tx: LedgerWrites) => Promise<T>): Promise<T> {
    const draft = copy(this.shared.state);
    const result = await work(writes(() => draft, { recordedBy: this.recorder.by, recordedAt: this.recorder.now() }));
    this.shared.state = draft;
    this.commits += 1;
    return result;
  }

  async info(): Promise<StoreInfo> {
    return { kind: 'memory' };
  }

  withActor(actor: Actor): MemoryStore {
    return new MemoryStore({ by: actor.by, now: this.recorder.now }, this.shared);
  }

  async close(): Promise<void> {}
}
