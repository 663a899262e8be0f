import type { LedgerWrites } from '@credence/app';
import type { CollectionEvent, LimitEvent } from '@credence/core';
import type { AuditRow } from './repos/audit';

/** What one audited write records, before the store stamps who, when and from where. */
export interface AuditDraft {
  readonly action: string;
  readonly entityKind: string;
  readonly entityId: string;
  readonly reason?: string;
  readonly details: Readonly<Record<string, unknown>>;
}

/**
 * More entity rows than this in one transaction are recorded as one summary row (action `bulk`, the
 * counts per kind) rather than a row each: a grade run over 50,000 buyers, a demo portfolio. An import from a
 * file always records one row (action `import`, entity `import:<file>`, the counts per kind).
 */
export const BULK_AUDIT_ROWS = 1_000;

/** The audit trail of one transaction: drafts while it is small, counts always. */
export class TransactionAudit {
  private drafts: AuditDraft[] = [];
  private readonly counts = new Map<string, number>();
  private bulk: boolean;

  constructor(private readonly source: string | undefined) {
    this.bulk = source !== undefined;
  }

  /** `n` rows of `kind` written; `drafts` (called only while the transaction is small) describes them. */
  add(kind: string, n: number, drafts?: () => readonly AuditDraft[]): void {
    if (n === 0) return;
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + n);
    if (this.bulk || drafts === undefined) return;
    if (this.drafts.length + n > BULK_AUDIT_ROWS) {
      this.bulk = true;
      this.drafts = [];
      return;
    }
    this.drafts.push(...drafts());
  }

  /** The audit rows of the transaction, stamped. */
  rows(stamp: Pick<AuditRow, 'at' | 'actor' | 'channel' | 'tokenId'>): AuditRow[] {
    if (!this.bulk) return this.drafts.map((d) => ({ ...stamp, ...d }));
    if (this.counts.size === 0) return [];
    const counts = Object.fromEntries([...this.counts].sort(([a], [b]) => (a < b ? -1 : 1)));
    const summary: AuditDraft =
      this.source !== undefined
        ? { action: 'import', entityKind: 'import', entityId: this.source, details: { source: this.source, counts } }
        : { action: 'bulk', entityKind: 'bulk', entityId: stamp.at.toISOString(), details: { counts } };
    return [{ ...stamp, ...summary }];
  }
}

const draft = (
  entityKind: string,
  entityId: string,
  action: string,
  details: Readonly<Record<string, unknown>>,
  reason?: string,
): AuditDraft => ({ action, entityKind, entityId, details, ...(reason !== undefined ? { reason } : {}) });

/**
 * The domain's why of a collection event: a dispute's reason, a pause's; a dispute's resolution is its outcome
 * (with the credit note) and its notes; else the notes when there are some.
 */
function eventReason(e: CollectionEvent): string | undefined {
  if ('reason' in e) return e.reason;
  if (e.kind === 'dispute_resolved') {
    const outcome = `${e.outcome}${e.creditNote !== undefined ? ` by credit note ${e.creditNote}` : ''}`;
    return e.notes !== '' ? `${outcome}: ${e.notes}` : outcome;
  }
  if ('notes' in e && e.notes !== '') return e.notes;
  return undefined;
}

/**
 * The writes of a transaction, each recording its audit drafts in `audit`: every write that changes money or
 * risk goes through here, so none can forget it. Reads, allocation rows (counted: they belong to the payment,
 * credit note, write-off or cash application that wrote them), delivery bookkeeping, worklist snapshots and a
 * job's claims and outcomes are passed through (its enqueueing, who asked for the work, is audited).
 */
export function audited(w: LedgerWrites, audit: TransactionAudit): LedgerWrites {
  return {
    ...w,
    insertBankStatement: async (st, lines) => {
      audit.add('bank_statement', 1, () => [
        draft('bank_statement', st.id, 'import', {
          account: st.account,
          statementId: st.statementId,
          lines: lines.length,
        }),
      ]);
      await w.insertBankStatement(st, lines);
    },
    putCashLines: async (rows) => {
      audit.add('bank_line', rows.length, () =>
        rows.map((r) =>
          draft(
            'bank_line',
            `${r.statement}:${r.line}`,
            `cash_${r.state}`,
            {
              buyerId: r.buyerId ?? null,
              paymentId: r.paymentId ?? null,
              score: r.score ?? null,
              reasons: [...(r.proposals[0]?.reasons ?? []), ...r.reasons].map((x) => x.code),
            },
            r.note,
          ),
        ),
      );
      await w.putCashLines(rows);
    },
    putLearnedIbans: async (rows) => {
      audit.add('bank_iban', rows.length, () =>
        rows.map((r) =>
          draft('bank_iban', r.iban, 'set', { buyerId: r.buyerId, learnedFrom: r.learnedFrom ?? null, by: r.setBy }),
        ),
      );
      await w.putLearnedIbans(rows);
    },
    removeLearnedIban: async (iban) => {
      audit.add('bank_iban', 1, () => [draft('bank_iban', iban, 'remove', {})]);
      await w.removeLearnedIban(iban);
    },
    upsertBuyers: async (rows) => {
      audit.add('buyer', rows.length, () =>
        rows.map((b) =>
          draft('buyer', b.id, 'upsert', { name: b.name, currency: b.currency, paymentTermsDays: b.paymentTermsDays }),
        ),
      );
      await w.upsertBuyers(rows);
    },
    upsertStatements: async (rows) => {
      audit.add('statement', rows.length, () =>
        rows.map((s) => draft('buyer', s.buyerId, 'statement', { fiscalYear: s.fiscalYear })),
      );
      await w.upsertStatements(rows);
    },
    upsertExternalGrades: async (rows) => {
      audit.add('external_grade', rows.length, () =>
        rows.map((g) =>
          draft('buyer', g.buyerId, 'external_grade', { date: g.date, source: g.source, value: g.value }),
        ),
      );
      await w.upsertExternalGrades(rows);
    },
    upsertOrders: async (rows) => {
      audit.add('order', rows.length, () =>
        rows.map((o) =>
          draft('order', o.id, 'upsert', {
            buyerId: o.buyerId,
            status: o.status,
            amount: o.amount,
            currency: o.currency,
          }),
        ),
      );
      await w.upsertOrders(rows);
    },
    appendHold: async (e) => {
      const stored = await w.appendHold(e);
      audit.add('credit_hold', 1, () => [
        draft('buyer', e.buyerId, e.action, { id: stored.id, by: e.by, recordedOn: e.recordedOn }, e.reason),
      ]);
      return stored;
    },
    appendLimitEvent: async (e) => {
      const stored = await w.appendLimitEvent(e);
      const { buyerId, kind, reason, ...rest } = stored;
      audit.add('limit_event', 1, () => [draft('buyer', buyerId, `limit_${kind}`, rest, reason)]);
      return stored;
    },
    appendLimitEvents: async (events) => {
      const stored: LimitEvent[] = [];
      if (w.appendLimitEvents !== undefined) stored.push(...(await w.appendLimitEvents(events)));
      else for (const e of events) stored.push(await w.appendLimitEvent(e));
      audit.add('limit_event', stored.length, () =>
        stored.map(({ buyerId, kind, reason, ...rest }) => draft('buyer', buyerId, `limit_${kind}`, rest, reason)),
      );
      return stored;
    },
    appendGradeOverride: async (e) => {
      const stored = await w.appendGradeOverride(e);
      const { buyerId, action, reason, ...rest } = stored;
      audit.add('grade_override', 1, () => [
        draft('buyer', buyerId, action === 'override' ? 'grade_override' : 'grade_override_clear', rest, reason),
      ]);
      return stored;
    },
    appendForecastModel: async (m) => {
      const stored = await w.appendForecastModel(m);
      audit.add('forecast_model', 1, () => [
        draft('forecast_model', String(stored.id), 'forecast_train', {
          trainedUntil: stored.trainedUntil,
          by: stored.by,
        }),
      ]);
      return stored;
    },
    appendWorkingCapital: async (f) => {
      const stored = await w.appendWorkingCapital(f);
      const { id, month, by: who, recordedAt, ...figures } = stored;
      const details = Object.fromEntries(
        Object.entries(figures).map(([k, v]) => [k, typeof v === 'bigint' ? String(v) : v]),
      );
      audit.add('working_capital', 1, () => [
        draft('working_capital', month, 'working_capital_set', { id, ...details }),
      ]);
      return stored;
    },
    insertStatementRecord: async (r) => {
      const created = await w.insertStatementRecord(r);
      const { buyerId, kind, note, ...rest } = r;
      // A statement sent, confirmed by the buyer or disputed line by line: on the buyer's trail (once: a repeat is a no-op).
      if (created)
        audit.add('statement_record', 1, () => [draft('buyer', buyerId, `statement_${kind}`, { ...rest }, note)]);
      return created;
    },
    insertDeliveryConfirmation: async (c) => {
      const created = await w.insertDeliveryConfirmation(c);
      const { document, buyerId, ...rest } = c;
      if (created)
        audit.add('delivery_confirmation', 1, () => [
          draft('document', document, 'delivery_confirm', { buyerId, ...rest }, c.ref),
        ]);
      return created;
    },
    putCountryRiskClasses: async (rows) => {
      const written = await w.putCountryRiskClasses(rows);
      audit.add('country_risk_class', written.length, () =>
        written.map((r) =>
          draft('country', r.country, 'country_risk_set', {
            riskClass: r.riskClass,
            validFrom: r.validFrom,
            source: r.source,
          }),
        ),
      );
      return written;
    },
    appendSecurityEvent: async (e) => {
      const stored = await w.appendSecurityEvent(e);
      const { buyerId, action, reason, ...rest } = stored;
      audit.add('security_event', 1, () => [draft('buyer', buyerId, `security_${action}`, rest, reason)]);
      return stored;
    },
    appendInsurancePolicy: async (p) => {
      const stored = await w.appendInsurancePolicy(p);
      audit.add('insurance_policy', 1, () => [
        draft(
          'insurance_policy',
          stored.policyNumber,
          'insurance_policy_set',
          { version: stored.version, by: stored.by },
          stored.reason,
        ),
      ]);
      return stored;
    },
    appendInsuranceEvent: async (e) => {
      const stored = await w.appendInsuranceEvent(e);
      const { buyerId, kind, reason, recordedAt: _at, ...rest } = stored;
      audit.add('insurance_event', 1, () => [draft('buyer', buyerId, `insurance_${kind}`, rest, reason)]);
      return stored;
    },
    appendPolicyVersion: async (v) => {
      const stored = await w.appendPolicyVersion(v);
      audit.add('policy_version', 1, () => [
        draft('policy', stored.kind, 'policy_set', { version: stored.version, by: stored.by }, stored.reason),
      ]);
      return stored;
    },
    appendHolds: async (events) => {
      audit.add('credit_hold', events.length, () =>
        events.map((e) => draft('buyer', e.buyerId, e.action, { by: e.by, recordedOn: e.recordedOn }, e.reason)),
      );
      await w.appendHolds(events);
    },
    saveAlerts: async (rows) => {
      // An alert's change of state (opened, acknowledged, snoozed, resolved) with its note as the why.
      audit.add('alert', rows.length, () =>
        rows.map((a) =>
          draft(
            'alert',
            a.key,
            `alert_${a.state}`,
            {
              rule: a.rule,
              buyerId: a.buyerId,
              severity: a.severity,
              lastSeen: a.lastSeen,
              ...(a.snoozedUntil !== undefined ? { snoozedUntil: a.snoozedUntil } : {}),
            },
            a.note,
          ),
        ),
      );
      await w.saveAlerts(rows);
    },
    upsertGrades: async (rows) => {
      audit.add('grade', rows.length, () =>
        rows.map((g) => draft('buyer', g.buyerId, 'grade', { asOf: g.asOf, grade: g.grade.grade, pd: g.grade.pd })),
      );
      await w.upsertGrades(rows);
    },
    insertDocuments: async (rows) => {
      audit.add('document', rows.length, () =>
        rows.map((d) =>
          draft('document', d.number, 'record', {
            type: d.type,
            buyerId: d.buyerId,
            amount: d.amount,
            currency: d.currency,
            issueDate: d.issueDate,
            dueDate: d.dueDate,
          }),
        ),
      );
      await w.insertDocuments(rows);
    },
    insertPayments: async (rows) => {
      audit.add('payment', rows.length, () => rows.map(paymentDraft));
      await w.insertPayments(rows);
    },
    insertAllocations: async (rows) => {
      audit.add('allocation', rows.length);
      await w.insertAllocations(rows);
    },
    insertSettlements: async (s) => {
      audit.add('payment', s.payments.length, () => s.payments.map(paymentDraft));
      audit.add('allocation', s.allocations.length);
      await w.insertSettlements(s);
    },
    insertWriteOffs: async (rows) => {
      audit.add('write_off', rows.length, () =>
        rows.map((x) =>
          draft('document', x.documentNumber, 'write_off', { id: x.id, date: x.date, amount: x.amount }, x.reason),
        ),
      );
      await w.insertWriteOffs(rows);
    },
    insertReversals: async (rows) => {
      audit.add('reversal', rows.length, () =>
        rows.map((r) => draft(r.kind, r.targetId, 'reverse', { id: r.id, date: r.date }, r.reason)),
      );
      await w.insertReversals(rows);
    },
    insertCashApplications: async (rows) => {
      audit.add('cash_application', rows.length, () =>
        rows.map((c) =>
          draft('payment', c.paymentId, `cash_${c.kind}`, {
            id: c.id,
            ...(c.from !== undefined ? { from: c.from } : {}),
            to: c.to,
            amount: c.amount,
            date: c.date,
            by: c.by,
          }),
        ),
      );
      await w.insertCashApplications(rows);
    },
    insertFxRates: async (rows) => {
      audit.add('fx_rate', rows.length, () =>
        rows.map((r) =>
          draft('fx_rate', `${r.date} ${r.from}/${r.to}`, 'record', {
            rate: `${r.rate.coefficient}e-${r.rate.scale}`,
          }),
        ),
      );
      await w.insertFxRates(rows);
    },
    appendCollectionEvents: async (events) => {
      audit.add('collection_event', events.length, () =>
        events.map((e) => {
          const { kind, buyerId, ...rest } = e;
          return draft('buyer', buyerId, kind, rest, eventReason(e));
        }),
      );
      await w.appendCollectionEvents(events);
    },
    insertLetters: async (letters) => {
      audit.add('letter', letters.length, () =>
        letters.map(({ letter: l, policyId }) =>
          draft('letter', l.id, 'letter', { buyerId: l.debtor.id, date: l.date, levelId: l.levelId, policyId }),
        ),
      );
      await w.insertLetters(letters);
    },
    recordDunningRun: async (run) => {
      audit.add('dunning_run', 1, () => [draft('dunning_run', run.asOf, 'dunning_run', run)]);
      await w.recordDunningRun(run);
    },
    insertUser: async (u) => {
      const inserted = await w.insertUser(u);
      if (inserted) audit.add('user', 1, () => [draft('user', u.name, 'user_add', { role: u.role })]);
      return inserted;
    },
    insertToken: async (t) => {
      audit.add('api_token', 1, () => [draft('user', t.user, 'token_issue', { tokenId: t.id })]);
      await w.insertToken(t);
    },
    insertWebhook: async (sub) => {
      audit.add('webhook', 1, () => [draft('webhook', sub.id, 'webhook_add', { url: sub.url, events: sub.events })]);
      await w.insertWebhook(sub);
    },
    deactivateWebhook: async (id) => {
      const removed = await w.deactivateWebhook(id);
      if (removed) audit.add('webhook', 1, () => [draft('webhook', id, 'webhook_remove', {})]);
      return removed;
    },
    // The outbox of a change: counted with it, not a row of its own (the change's row says what happened).
    appendWebhookEvent: async (e) => {
      const r = await w.appendWebhookEvent(e);
      audit.add('webhook_event', r.eventId === undefined ? 0 : 1);
      return r;
    },
    revokeUser: async (name, reason) => {
      const revoked = await w.revokeUser(name);
      audit.add('user', 1, () => [draft('user', name, 'user_revoke', revoked, reason)]);
      return revoked;
    },
    setUserLanguage: async (name, language) => {
      audit.add('user_preference', 1, () => [draft('user', name, 'user_language', { language })]);
      await w.setUserLanguage(name, language);
    },
    enqueueJob: async (j) => {
      const r = await w.enqueueJob(j);
      const details = { kind: j.kind, ...(j.dedupKey !== undefined ? { dedupKey: j.dedupKey } : {}) };
      if (r.created) audit.add('job', 1, () => [draft('job', r.job.id, 'job_enqueue', details)]);
      return r;
    },
  };
}

const paymentDraft = (p: Parameters<LedgerWrites['insertPayments']>[0][number]): AuditDraft =>
  draft('payment', p.id, 'record', {
    buyerId: p.buyerId,
    amount: p.amount,
    currency: p.currency,
    date: p.date,
    ...(p.documentNumber !== undefined ? { documentNumber: p.documentNumber } : {}),
  });
