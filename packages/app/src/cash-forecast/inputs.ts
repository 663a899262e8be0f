import {
  type BusinessDate,
  brokenInWindow,
  type CashInputs,
  type CashPlan,
  type CashPromise,
  collectionsState,
  type ExpectedIndemnity,
  type ForecastModel,
  type HistoryIndex,
  paymentDates,
  promiseEnd,
} from '@credence/core';
import { insuranceClaim } from '../insurance/insurance-claim';
import { insuranceFacts } from '../insurance/insurance-facts';
import { policiesInForce } from '../insurance/policies-in-force';
import type { LedgerReads } from '../ports';
import { netPortfolio } from '../reports/net-portfolio';

/** Open claims (notified, no indemnity paid by the date) under the policies in force: their indemnity on its due date. */
export async function expectedIndemnities(store: LedgerReads, asOf: BusinessDate): Promise<ExpectedIndemnity[]> {
  const out: ExpectedIndemnity[] = [];
  for (const p of await policiesInForce(store)) {
    const { facts } = await insuranceFacts(store, p, asOf);
    for (const f of facts) {
      if (f.claim === undefined || f.claim.indemnifiedOn !== undefined) continue;
      const c = await insuranceClaim(store, { policyNumber: p.policyNumber, buyerId: f.buyer.buyerId, asOf });
      if (!c.ok || c.value.settlement.indemnity <= 0n) continue;
      out.push({
        key: `${p.policyNumber}/${f.buyer.buyerId}`,
        buyerId: f.buyer.buyerId,
        currency: p.currency,
        amount: c.value.settlement.indemnity,
        date: c.value.indemnityDue,
      });
    }
  }
  return out;
}

/**
 * What the ledger knew on `asOf` for the cash forecast: every buyer's open invoices at its net position with
 * their predicted dates (`model`, else the baseline), the promises and plans open then (collection events dated
 * by then), the promises each buyer broke in the window, and the open claims' indemnities.
 */
export async function cashInputs(
  store: LedgerReads,
  asOf: BusinessDate,
  index: HistoryIndex,
  model: ForecastModel | undefined,
  brokenWindowDays: number,
): Promise<CashInputs> {
  const invoices = new Map<string, import('@credence/core').HistoryInvoice>();
  for (const list of index.invoices.values()) for (const it of list) invoices.set(it.number, it);
  const buyers = await netPortfolio(store, asOf);
  const items = buyers.flatMap((b) =>
    b.items
      .filter((i) => i.open > 0n && i.type === 'invoice')
      .map((i) => {
        const known = invoices.get(i.number);
        const item = known ?? {
          number: i.number,
          buyerId: i.buyerId,
          issueDate: i.issueDate,
          dueDate: i.dueDate,
          amount: 0,
          disputed: false,
          paperless: false,
        };
        return {
          number: i.number,
          buyerId: i.buyerId,
          currency: i.currency,
          dueDate: i.dueDate,
          open: i.open,
          predicted: paymentDates(model, index, item, asOf),
        };
      }),
  );
  const events = (await store.collectionEvents()).map((e) => e.event).filter((e) => e.date <= asOf);
  const state = collectionsState(events);
  const promises: CashPromise[] = [];
  const broken = new Map<string, number>();
  for (const p of state.promises.values()) {
    if (p.status === 'broken' && p.settledOn !== undefined && brokenInWindow(p.settledOn, asOf, brokenWindowDays))
      broken.set(p.buyerId, (broken.get(p.buyerId) ?? 0) + 1);
    if (p.status !== 'open' || promiseEnd(p) < asOf) continue;
    promises.push({
      id: p.id,
      buyerId: p.buyerId,
      currency: p.currency,
      amount: p.amount,
      promisedDate: p.promisedDate,
      documents: p.documents,
    });
  }
  const plans: CashPlan[] = [...state.plans.values()]
    .filter((p) => p.status === 'active')
    .map((p) => ({
      id: p.id,
      buyerId: p.buyerId,
      currency: p.currency,
      documents: p.documents,
      instalments: p.instalments,
    }));
  return { asOf, items, promises, plans, indemnities: await expectedIndemnities(store, asOf), brokenPromises: broken };
}
