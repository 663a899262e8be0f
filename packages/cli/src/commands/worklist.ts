import type { RankedTask } from '@credence/core';
import { fmt } from '../format/money';
import { renderTable } from '../format/table';
import type { Say } from './reason-lang';

/** The worklist as a table: rank, buyer, action, amount, days overdue, PD, and why. */
export function renderWorklist(
  asOf: string,
  currency: string,
  tasks: readonly RankedTask[],
  limit: number,
  words: Say,
): string {
  if (tasks.length === 0) return `Worklist ${asOf}: nothing to do.`;
  const shown = tasks.slice(0, limit);
  const head = `Worklist ${asOf}: ${tasks.length} task(s)${tasks.length > limit ? `, the first ${limit} shown` : ''}; ranked by amount × days overdue × PD.`;
  return `${head}\n${renderTable(
    [
      { header: '#', align: 'right' },
      { header: 'buyer' },
      { header: 'action' },
      { header: `amount ${currency}`, align: 'right' },
      { header: 'days', align: 'right' },
      { header: 'PD', align: 'right' },
      { header: 'why' },
    ],
    shown.map((t, i) => [
      String(i + 1),
      t.buyerId,
      t.action.replaceAll('_', ' '),
      t.currency === currency
        ? fmt(t.amount, currency as never)
        : `${t.currency} ${fmt(t.amount, t.currency as never)}`,
      String(t.daysOverdue),
      `${(t.pd * 100).toFixed(1)}%`,
      words.work(t),
    ]),
  )}`;
}
