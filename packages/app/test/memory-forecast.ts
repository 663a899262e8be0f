import type { Allocation, BusinessDate, LedgerDocument } from '@credence/core';
import type { ForecastReads, ForecastWrites, PaymentHistoryRow, StoredForecastModel } from '../src/forecast/ports';
import type { Attribution, Recorded, Stored } from '../src/ports';

interface ForecastView {
  readonly documents: ReadonlyMap<string, Recorded<Stored<LedgerDocument>>>;
  readonly allocations: readonly Allocation[];
  readonly buyers: ReadonlyMap<string, { readonly country: string }>;
  readonly forecastModels: StoredForecastModel[];
}

/** The date an invoice's balance reached zero for good (by allocations dated ≤ asOf), if it did. */
function settledOn(
  d: LedgerDocument,
  allocations: readonly Allocation[],
  asOf: BusinessDate,
): BusinessDate | undefined {
  const rows = allocations.filter((a) => a.documentNumber === d.number && a.date <= asOf);
  rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  let balance = d.amount;
  let closed: BusinessDate | undefined;
  for (let i = 0; i < rows.length; i++) {
    const a = rows[i] as Allocation;
    balance += a.delta;
    const next = rows[i + 1];
    if (next !== undefined && next.date === a.date) continue;
    closed = balance === 0n ? (closed ?? a.date) : undefined;
  }
  return closed;
}

export function forecastReads(s: () => ForecastView): ForecastReads {
  return {
    paymentHistory: async (asOf) => {
      const out: PaymentHistoryRow[] = [];
      for (const d of s().documents.values()) {
        if (d.type !== 'invoice' || d.issueDate > asOf) continue;
        const settled = settledOn(d, s().allocations, asOf);
        out.push({
          number: d.number,
          buyerId: d.buyerId,
          country: s().buyers.get(d.buyerId)?.country ?? '',
          issueDate: d.issueDate,
          dueDate: d.dueDate,
          amount: d.amount,
          currency: d.currency,
          ...(d.disputed === undefined ? {} : { disputed: d.disputed }),
          ...(d.paperless === undefined ? {} : { paperless: d.paperless }),
          ...(settled === undefined ? {} : { settledOn: settled }),
        });
      }
      return out.sort((a, b) => (a.number < b.number ? -1 : 1));
    },
    latestForecastModel: async () => s().forecastModels[s().forecastModels.length - 1],
  };
}

export function forecastWrites(s: () => ForecastView, by: Attribution): ForecastWrites {
  return {
    appendForecastModel: async (m) => {
      const stored = { ...m, id: s().forecastModels.length + 1, recordedAt: by.recordedAt };
      s().forecastModels.push(stored);
      return stored;
    },
  };
}
