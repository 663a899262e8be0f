import { addDays, type BusinessDate, date } from '../calendar';
import { Rng } from '../random';
import type { HistoryInvoice } from './types';

/**
 * A generated ledger for tests: buyers with their own habit (days late), a worsening trend for some, disputes
 * that add two weeks, paperless billing a few days less; net-30 invoices over `months` months.
 */
export function generatePaymentHistory(seed: number, buyers = 30, months = 18): HistoryInvoice[] {
  const rng = new Rng(seed);
  const start = date('2022-01-01');
  const out: HistoryInvoice[] = [];
  for (let b = 0; b < buyers; b++) {
    const habit = rng.int(-5, 20);
    const trend = rng.chance(0.3) ? rng.next() * 0.05 : 0;
    const paperless = rng.chance(0.5);
    const country = rng.pick(['DE', 'FR', 'US']);
    const days = months * 30;
    for (let d = rng.int(0, 12); d < days; d += rng.int(8, 20)) {
      const issueDate: BusinessDate = addDays(start, d);
      const dueDate = addDays(issueDate, 30);
      const disputed = rng.chance(0.2);
      const late = Math.round(habit + trend * d + (disputed ? 14 : 0) - (paperless ? 3 : 0) + rng.normal() * 2);
      out.push({
        number: `INV-${b}-${d}`,
        buyerId: `B${b}`,
        issueDate,
        dueDate,
        amount: Math.round(100 + rng.next() * 900),
        disputed,
        paperless,
        country,
        settledDate: addDays(dueDate, Math.max(-25, late)),
      });
    }
  }
  return out;
}
