import type { Allocation, BusinessDate, CurrencyCode, LedgerDocument, Payment } from '@credence/core';
import type {
  DailyReceipts,
  ForecastReads,
  ForecastWrites,
  PaymentHistoryRow,
  StoredCashForecast,
  StoredForecastModel,
} from '../src/forecast/ports';
import type { Attribution, Recorded, Reversal, Stored } from '../src/ports';

interface ForecastView {
  readonly documents: ReadonlyMap<string, Recorded<Stored<LedgerDocument>>>;
  readonly allocations: readonly Allocation[];
  readonly buyers: ReadonlyMap<string, { readonly country: string }>;
  readonly forecastModels: StoredForecastModel[];
  readonly cashForecasts: StoredCashForecast[];
  readonly payments: ReadonlyMap<string, Stored<Payment>>;
  readonly reversals: ReadonlyMap<string, Stored<Reversal>>;
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
    receiptsBetween: async (from, to) => {
      const reversed = new Set(
        [...s().reversals.values()].filter((r) => r.kind === 'payment' && r.date <= to).map((r) => r.targetId),
      );
      const sums = new Map<string, DailyReceipts>();
      for (const p of s().payments.values()) {
        if (p.date < from || p.date > to || reversed.has(p.id)) continue;
        const k = `${p.date}|${p.currency}`;
        const prev = sums.get(k);
        sums.set(k, { date: p.date, currency: p.currency as CurrencyCode, amount: (prev?.amount ?? 0n) + p.amount });
      }
      return [...sums.values()].sort((a, b) =>
        a.date < b.date ? -1 : a.date > b.date ? 1 : a.currency < b.currency ? -1 : 1,
      );
    },
    cashForecastRuns: async () => [...s().cashForecasts],
  };
}

export function forecastWrites(s: () => ForecastView, by: Attribution): ForecastWrites {
  return {
    appendCashForecast: async (r) => {
      const stored = { ...r, id: s().cashForecasts.length + 1, recordedAt: by.recordedAt };
      s().cashForecasts.push(stored);
      return stored;
    },
    appendForecastModel: async (m) => {
      const stored = { ...m, id: s().forecastModels.length + 1, recordedAt: by.recordedAt };
      s().forecastModels.push(stored);
      return stored;
    },
  };
}
