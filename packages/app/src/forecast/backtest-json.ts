import type { Backtest } from '@credence/core';

/** The backtest as `forecast backtest --format json` prints it and `POST /forecast/backtest` answers it (issue 17). */
export function backtestJson(b: Backtest) {
  return {
    trainedUntil: b.trainedUntil,
    invoices: b.invoices.map((i) => ({
      number: i.number,
      issueDate: i.issueDate,
      dueDate: i.dueDate,
      predictedPayDate: i.predictedPayDate,
      actualPayDate: i.actualPayDate,
    })),
    rmseDays: b.rmseDays,
    lateAccuracy: b.lateAccuracy,
  };
}
