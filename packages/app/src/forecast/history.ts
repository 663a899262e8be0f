import { type BusinessDate, exponentOf, type ForecastModel, type HistoryInvoice } from '@credence/core';
import type { ForecastReads, PaymentHistoryRow } from './ports';

/** A ledger row as the core forecast reads it (the amount in major units: a feature, not money arithmetic). */
export function historyInvoice(r: PaymentHistoryRow): HistoryInvoice {
  return {
    number: r.number,
    buyerId: r.buyerId,
    issueDate: r.issueDate,
    dueDate: r.dueDate,
    amount: Number(r.amount) / 10 ** exponentOf(r.currency),
    disputed: r.disputed ?? false,
    paperless: r.paperless ?? false,
    country: r.country,
    settledDate: r.settledOn,
  };
}

export async function loadHistory(reads: ForecastReads, asOf: BusinessDate): Promise<HistoryInvoice[]> {
  return (await reads.paymentHistory(asOf)).map(historyInvoice);
}

/** A stored model's JSON checked for its format; a model of another kind is refused. */
export function asForecastModel(json: unknown): ForecastModel | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const m = json as { format?: unknown; trees?: unknown; residuals?: unknown };
  if (m.format !== 'credence-forecast/1' || !Array.isArray(m.trees) || !Array.isArray(m.residuals)) return undefined;
  return json as ForecastModel;
}
