/** The worked examples of docs/domain/credit-insurance.md. */
import { type BusinessDate, date, parseMoney } from '@credence/core';
import {
  type InsuranceInvoice,
  type InsurancePolicy,
  indemnityDueDate,
  indemnityOf,
  insureInvoices,
  type LimitEvent,
  mepOf,
  monthlyDeclaration,
  parseInsurancePolicy,
  settleClaim,
  shareRecoveries,
} from '@credence/core/insurance';
import { describe, expect, it } from 'vitest';
import { cell, readDocTables, table } from './doc-tables';

const tables = readDocTables(new URL('./credit-insurance.md', import.meta.url));
const baseTerms: Record<string, unknown> = {};
for (const r of table(tables, 'policy').rows) {
  const k = cell(r, 'term');
  const v = cell(r, 'value');
  baseTerms[k] = k === 'countries' ? v.split(',') : k === 'coverPercent' ? Number(v) : v;
}
const policyWith = (over: Record<string, unknown> = {}): InsurancePolicy => {
  const p = parseInsurancePolicy({ ...baseTerms, ...over });
  if (!p.ok) throw new Error(JSON.stringify(p.error));
  return p.value;
};
const eur = (s: string): bigint => {
  const m = parseMoney(s === '' ? '0' : s, 'EUR');
  if (!m.ok) throw new Error(s);
  return m.value.amount;
};
const d = (s: string): BusinessDate => date(s);
const row = (t: { rows: readonly Readonly<Record<string, string>>[] }, key: string, starts: string) => {
  const r = t.rows.find((x) => cell(x, key).startsWith(starts));
  if (r === undefined) throw new Error(`no row ${starts}`);
  return r;
};

describe('docs/domain/credit-insurance.md', () => {
  it('1. from invoice to indemnity', () => {
    const t = table(tables, 'timeline');
    const a = t.attrs as Record<string, string>;
    const policy = policyWith();
    const events: LimitEvent[] = [{ kind: 'approved', date: d(a.limitDate ?? ''), amount: eur(a.limit ?? '') }];
    const inv: InsuranceInvoice = {
      id: 'I1',
      currency: 'EUR',
      invoiceDate: d(a.invoiceDate ?? ''),
      dueDate: d(a.due ?? ''),
      gross: eur(a.gross ?? ''),
      vat: eur(a.vat ?? ''),
      settlements: [{ date: d(a.paidOn ?? ''), amount: eur(a.paid ?? '') }],
    };
    const buyer = { buyerId: a.buyer ?? '', country: 'DE' };
    const insured = insureInvoices(buyer, [inv], events, policy);
    expect(insured[0]?.insured).toBe(eur(cell(row(t, 'step', 'insured amount'), 'amount')));
    const m = mepOf(insured, [inv], d(a.notified ?? ''), policy);
    expect(m?.mep).toBe(cell(row(t, 'step', 'MEP'), 'date'));
    expect(m?.notifyBy).toBe(cell(row(t, 'step', 'notify by'), 'date'));
    const c = settleClaim({ policy, invoices: [inv], insured, notifiedOn: d(a.notified ?? '') });
    expect(c.dateOfLoss).toBe(cell(row(t, 'step', 'date of loss'), 'date'));
    expect(c.loss).toBe(eur(cell(row(t, 'step', 'loss after'), 'amount')));
    expect(c.debts[0]?.preLossPaid).toBe(eur(a.paid ?? ''));
    expect(c.indemnity).toBe(eur(cell(row(t, 'step', 'indemnity'), 'amount')));
    expect(indemnityDueDate(c.dateOfLoss, policy, d(a.fileComplete ?? ''))).toBe(
      cell(row(t, 'step', 'indemnity'), 'date'),
    );
  });

  it('2. a reduction with run-off', () => {
    const t = table(tables, 'run-off');
    const a = t.attrs as Record<string, string>;
    const policy = policyWith();
    const events: LimitEvent[] = [
      { kind: 'approved', date: d(a.approvedOn ?? ''), amount: eur(a.approved ?? '') },
      { kind: 'reduced', date: d(a.reducedOn ?? ''), amount: eur(a.reduced ?? '') },
    ];
    const invoices: InsuranceInvoice[] = t.rows.map((r) => ({
      id: cell(r, 'invoice'),
      currency: 'EUR',
      invoiceDate: d(cell(r, 'date')),
      dueDate: d(cell(r, 'due')),
      gross: eur(cell(r, 'amount')),
      vat: 0n,
      settlements: cell(r, 'paid on') === '' ? [] : [{ date: d(cell(r, 'paid on')), amount: eur(cell(r, 'amount')) }],
    }));
    const out = insureInvoices({ buyerId: a.buyer ?? '', country: 'FR' }, invoices, events, policy);
    for (const r of t.rows) {
      const x = out.find((o) => o.invoiceId === cell(r, 'invoice'));
      expect([x?.limit.amount, x?.consumedBefore, x?.insured, x?.uninsured]).toEqual(
        ['limit', 'consumed before', 'insured', 'uninsured'].map((k) => eur(cell(r, k))),
      );
    }
  });

  it('3. recoveries, pro rata and FIFO', () => {
    const t = table(tables, 'recoveries');
    const a = t.attrs as Record<string, string>;
    const invoices: InsuranceInvoice[] = [
      {
        id: 'F1',
        currency: 'EUR',
        invoiceDate: d('2026-01-15'),
        dueDate: d('2026-03-16'),
        gross: eur('30000.00'),
        vat: 0n,
        settlements: [],
      },
      {
        id: 'F2',
        currency: 'EUR',
        invoiceDate: d('2026-02-01'),
        dueDate: d('2026-04-02'),
        gross: eur('20000.00'),
        vat: 0n,
        settlements: [],
      },
    ];
    const recoveries = t.rows.map((r) => ({ date: d(cell(r, 'date')), amount: eur(cell(r, 'amount')) }));
    for (const sharing of ['pro-rata', 'fifo'] as const) {
      const policy = policyWith({ recoveriesSharing: sharing });
      const buyer = { buyerId: a.buyer ?? '', country: 'DE' };
      const insured = insureInvoices(
        buyer,
        invoices,
        [{ kind: 'approved', date: d('2026-01-05'), amount: eur(a.limit ?? '') }],
        policy,
      );
      const c = settleClaim({ policy, invoices, insured, notifiedOn: d(a.notified ?? '') });
      expect([c.loss, c.insuredLoss, c.indemnity]).toEqual([
        eur(a.loss ?? ''),
        eur(a.insuredLoss ?? ''),
        eur(a.indemnity ?? ''),
      ]);
      const s = shareRecoveries(c, recoveries, policy.recoveriesSharing);
      expect(s.shares.map((x) => [x.insurer, x.insured])).toEqual(
        t.rows.map((r) => [eur(cell(r, `insurer ${sharing}`)), eur(cell(r, `insured ${sharing}`))]),
      );
      expect(s.owedToInsurer).toBe(t.rows.reduce((acc, r) => acc + eur(cell(r, `insurer ${sharing}`)), 0n));
    }
  });

  it('4. minimum retention, deductible, non-qualifying loss, yearly maximum', () => {
    const t = table(tables, 'retention');
    const a = t.attrs as Record<string, string>;
    const policy = policyWith({ ...a, coverPercent: Number(a.coverPercent) });
    for (const r of t.rows) {
      const x = indemnityOf(eur(cell(r, 'loss')), eur(cell(r, 'insured loss')), policy, eur(cell(r, 'paid in year')));
      expect([cell(r, 'case'), x.indemnity, x.steps[x.steps.length - 1]?.code]).toEqual([
        cell(r, 'case'),
        eur(cell(r, 'indemnity')),
        cell(r, 'last step'),
      ]);
    }
  });

  it('5. an extension does not move the MEP', () => {
    const t = table(tables, 'extension');
    const a = t.attrs as Record<string, string>;
    for (const r of t.rows) {
      const policy = policyWith({ notificationRule: cell(r, 'rule') });
      // The extension is recorded elsewhere (a promise, a payment plan); the invoice keeps its original due date.
      const inv: InsuranceInvoice = {
        id: 'I1',
        currency: 'EUR',
        invoiceDate: d(a.invoiceDate ?? ''),
        dueDate: d(a.due ?? ''),
        gross: eur('1000.00'),
        vat: 0n,
        settlements: [],
      };
      const ins = insureInvoices(
        { buyerId: 'B1', country: 'DE' },
        [inv],
        [{ kind: 'approved', date: d('2026-01-01'), amount: eur('5000.00') }],
        policy,
      );
      const m = mepOf(ins, [inv], d(cell(r, 'as of')), policy);
      expect([m?.mep, m?.passed ? 'yes' : 'no', m?.notifyBy]).toEqual([
        cell(r, 'MEP'),
        cell(r, 'passed'),
        cell(r, 'notify by'),
      ]);
    }
  });

  it('6. the monthly declaration', () => {
    const t = table(tables, 'declaration-invoices');
    const asOf = d((t.attrs as Record<string, string>).asOf ?? '');
    const policy = policyWith({ countries: ['DE', 'FR'] });
    const byBuyer = new Map<string, { buyer: { buyerId: string; country: string }; invoices: InsuranceInvoice[] }>();
    for (const r of t.rows) {
      const id = cell(r, 'buyer');
      const b = byBuyer.get(id) ?? { buyer: { buyerId: id, country: cell(r, 'country') }, invoices: [] };
      b.invoices.push({
        id: cell(r, 'invoice'),
        currency: 'EUR',
        invoiceDate: d(cell(r, 'delivered')),
        dueDate: d(cell(r, 'due')),
        gross: eur(cell(r, 'gross')),
        vat: 0n,
        settlements: cell(r, 'paid') === '' ? [] : [{ date: d(cell(r, 'paid on')), amount: eur(cell(r, 'paid')) }],
      });
      byBuyer.set(id, b);
    }
    const decl = monthlyDeclaration(policy, [...byBuyer.values()], asOf);
    expect(decl.turnover.map((x) => [x.buyerId, x.country, String(x.invoices), x.amount])).toEqual(
      table(tables, 'declaration-turnover').rows.map((r) => [
        cell(r, 'buyer'),
        cell(r, 'country'),
        cell(r, 'invoices'),
        eur(cell(r, 'amount')),
      ]),
    );
    expect(
      decl.overdue.flatMap((o) =>
        o.invoices.map((i) => [o.buyerId, i.invoiceId, i.originalDueDate, String(i.daysOverdue), i.open]),
      ),
    ).toEqual(
      table(tables, 'declaration-overdue').rows.map((r) => [
        cell(r, 'buyer'),
        cell(r, 'invoice'),
        cell(r, 'original due date'),
        cell(r, 'days'),
        eur(cell(r, 'open')),
      ]),
    );
  });
});
