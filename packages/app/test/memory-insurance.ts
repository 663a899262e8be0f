import type { Allocation, BusinessDate, LedgerDocument } from '@credence/core';
import type { InsuranceEvent, InsuranceReads, InsuranceWrites, StoredInsurancePolicy } from '../src/insurance/ports';
import type { Attribution } from '../src/ports';

/** The credit insurance records of the in-memory store (a transaction works on a copy). */
export interface InsuranceMem {
  policies: StoredInsurancePolicy[];
  events: InsuranceEvent[];
}

export const emptyInsurance = (): InsuranceMem => ({ policies: [], events: [] });
export const copyInsurance = (m: InsuranceMem): InsuranceMem => ({ policies: [...m.policies], events: [...m.events] });

export function insuranceReads(
  m: () => InsuranceMem,
  ledger: () => { documents: ReadonlyMap<string, LedgerDocument>; allocations: readonly Allocation[] },
): InsuranceReads {
  return {
    insuranceLedger: async (buyerId: string, asOf: BusinessDate) => {
      const { documents, allocations } = ledger();
      const invoices = [...documents.values()]
        .filter((d) => d.buyerId === buyerId && d.type === 'invoice' && d.issueDate <= asOf)
        .sort((a, b) => (a.number < b.number ? -1 : 1));
      return invoices.map((d) => {
        const perDate = new Map<BusinessDate, bigint>();
        for (const a of allocations)
          if (a.documentNumber === d.number && a.date <= asOf)
            perDate.set(a.date, (perDate.get(a.date) ?? 0n) - a.delta);
        const settlements = [...perDate]
          .filter(([, amount]) => amount !== 0n)
          .sort(([x], [y]) => (x < y ? -1 : 1))
          .map(([date, amount]) => ({ date, amount }));
        return {
          id: d.number,
          currency: d.currency,
          invoiceDate: d.deliveryDate ?? d.issueDate,
          dueDate: d.dueDate,
          gross: d.amount,
          vat: d.vat ?? 0n,
          settlements,
        };
      });
    },
    insurancePolicies: async () =>
      [...m().policies].sort((a, b) =>
        a.policyNumber !== b.policyNumber ? (a.policyNumber < b.policyNumber ? -1 : 1) : a.version - b.version,
      ),
    insuranceEvents: async (q = {}) =>
      m().events.filter(
        (e) =>
          (q.policyNumber === undefined || e.policyNumber === q.policyNumber) &&
          (q.buyerId === undefined || e.buyerId === q.buyerId),
      ),
  };
}

export function insuranceWrites(m: () => InsuranceMem, by: Attribution): InsuranceWrites {
  return {
    appendInsurancePolicy: async (p) => {
      const version = m().policies.filter((x) => x.policyNumber === p.policyNumber).length + 1;
      const stored = { ...p, version, recordedAt: by.recordedAt };
      m().policies.push(stored);
      return stored;
    },
    appendInsuranceEvent: async (e) => {
      const stored = { ...e, id: m().events.length + 1, recordedAt: by.recordedAt };
      m().events.push(stored);
      return stored;
    },
  };
}
