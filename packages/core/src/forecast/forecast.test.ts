import { describe, expect, it } from 'vitest';
import { date } from '../calendar';
import { backtestForecast } from './backtest';
import { FORECAST_FEATURES, featureRow } from './features';
import { indexHistory } from './history';
import { baselineDaysLate, predictPayment, trainForecast } from './model';
import { paymentOutlook } from './outlook';
import { generatePaymentHistory } from './testkit';

const ledger = generatePaymentHistory(7);
const index = indexHistory(ledger);
const until = date('2022-12-31');

describe('payment-date features', () => {
  it('count only invoices settled before the issue date (no look-ahead)', () => {
    const item = ledger.find((i) => i.buyerId === 'B1' && i.issueDate > date('2022-06-01'));
    if (item === undefined) throw new Error('generator gave no invoice');
    const before = featureRow(index, item, item.issueDate);
    // Change every settlement on or after the issue date: what was known that morning stays the same.
    const altered = ledger.map((i) =>
      i.settledDate !== undefined && i.settledDate >= item.issueDate ? { ...i, settledDate: date('2030-01-01') } : i,
    );
    expect(featureRow(indexHistory(altered), item, item.issueDate)).toEqual(before);
    const count = before[FORECAST_FEATURES.indexOf('historyCount')];
    const known = ledger.filter(
      (i) => i.buyerId === 'B1' && i.settledDate !== undefined && i.settledDate < item.issueDate,
    ).length;
    expect(count).toBe(known);
  });

  it('the baseline is the buyer’s average delay, 0 without history', () => {
    const first = ledger.filter((i) => i.buyerId === 'B2').sort((a, b) => (a.issueDate < b.issueDate ? -1 : 1))[0];
    if (first === undefined) throw new Error('generator gave no invoice');
    expect(baselineDaysLate(index, first, first.issueDate)).toBe(0);
    expect(predictPayment(undefined, index, first, first.issueDate)).toMatchObject({
      method: 'baseline',
      predictedPayDate: first.dueDate,
    });
  });
});

describe('payment-date model', () => {
  const model = trainForecast(index, until);

  it('is deterministic and trains only on what was settled by the training date', () => {
    expect(trainForecast(index, until)).toEqual(model);
    const settledByThen = ledger.filter((i) => i.settledDate !== undefined && i.settledDate <= until).length;
    expect(model.training.rows).toBe(settledByThen);
  });

  it('beats the no-training baseline on later invoices, each predicted as of its issue date', () => {
    const bt = backtestForecast(model, index);
    expect(bt.invoices.every((r) => r.issueDate > until)).toBe(true);
    expect(bt.invoices.length).toBe(ledger.filter((i) => i.issueDate > until).length);
    const baseline = backtestForecast({ ...model, minHistory: Number.POSITIVE_INFINITY }, index);
    expect(bt.rmseDays).not.toBeNull();
    expect(bt.rmseDays as number).toBeLessThan((baseline.rmseDays as number) * 0.8);
    expect(bt.lateAccuracy as number).toBeGreaterThan(0.85);
  });

  it('stops at --to', () => {
    const to = date('2023-03-31');
    const bt = backtestForecast(model, index, to);
    expect(bt.invoices.length).toBeGreaterThan(0);
    expect(bt.invoices.every((r) => r.issueDate > until && r.issueDate <= to)).toBe(true);
  });
});

describe('open-item outlook', () => {
  const model = trainForecast(index, until);
  it('gives odds that grow with the horizon and an expected date not before the as-of date', () => {
    const item = ledger.find((i) => i.issueDate > until && i.buyerId === 'B3');
    if (item === undefined) throw new Error('generator gave no invoice');
    const asOf = item.dueDate;
    const o = paymentOutlook(model, index, item, asOf);
    expect(o.expectedPayDate >= asOf).toBe(true);
    expect(o.within30).toBeLessThanOrEqual(o.within60);
    expect(o.within60).toBeLessThanOrEqual(o.within90);
    expect(o.within90).toBeGreaterThan(0.9);
  });
  it('long past every residual, payment is expected today', () => {
    const item = ledger.find((i) => i.issueDate > until);
    if (item === undefined) throw new Error('generator gave no invoice');
    const asOf = date('2030-01-01');
    expect(paymentOutlook(model, index, item, asOf)).toMatchObject({ expectedPayDate: asOf, within30: 1 });
  });
});
