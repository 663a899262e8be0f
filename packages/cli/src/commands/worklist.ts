import type { RankedTask, StoredTask, WorkNextStep } from '@credence/core';
import { renderTable } from '@credence/core';
import { fmt } from '../format/money';
import type { Say } from './reason-lang';

const CLOSED_BY: Readonly<Record<NonNullable<StoredTask['closeReason']>, string>> = {
  paid: 'paid',
  in_hand: 'disputed, promised or in a plan',
  call_recorded: 'call recorded',
  followed_up: 'followed up',
  promise_kept: 'promise kept',
  promise_broken: 'promise broken (a follow-up task replaces it)',
  dispute_resolved: 'dispute resolved',
  delivered: 'delivered',
  marked_done: 'marked done',
  delivery_confirmed: 'delivery confirmed',
  delivery_window_passed: 'confirmation overdue beyond the task window (still listed on the buyer page)',
  security_replaced: 'security renewed or replaced',
  security_ended: 'security ended',
  alert_resolved: 'alert resolved',
};

/**
 * The worklist as a table: rank, task key, buyer, action, amount, days overdue, PD, open since, and why; then the
 * tasks something recorded has just dealt with, and how many are snoozed.
 */
export function renderWorklist(
  asOf: string,
  currency: string,
  tasks: readonly (RankedTask & Partial<Pick<StoredTask, 'key' | 'openedOn'>> & { readonly nextStep?: WorkNextStep })[],
  limit: number,
  words: Say,
  kept: { readonly closed: readonly StoredTask[]; readonly snoozed: number } = { closed: [], snoozed: 0 },
): string {
  const tail = [
    ...kept.closed.map((t) => `  closed ${t.key} (${t.buyerId}): ${CLOSED_BY[t.closeReason ?? 'marked_done']}`),
    ...(kept.snoozed > 0 ? [`${kept.snoozed} task(s) snoozed.`] : []),
  ];
  const dealt =
    tail.length > 0 ? `\n${kept.closed.length > 0 ? 'Dealt with since the last look:\n' : ''}${tail.join('\n')}` : '';
  if (tasks.length === 0) return `Worklist ${asOf}: nothing to do.${dealt}`;
  const shown = tasks.slice(0, limit);
  const head = `Worklist ${asOf}: ${tasks.length} task(s)${tasks.length > limit ? `, the first ${limit} shown` : ''}; ranked by amount × days overdue × PD.`;
  return `${head}\n${renderTable(
    [
      { header: '#', align: 'right' },
      { header: 'task' },
      { header: 'buyer' },
      { header: 'action' },
      { header: `amount ${currency}`, align: 'right' },
      { header: 'days', align: 'right' },
      { header: 'PD', align: 'right' },
      { header: 'since' },
      { header: 'why' },
    ],
    shown.map((t, i) => [
      String(i + 1),
      t.key ?? '',
      t.buyerId,
      t.action.replaceAll('_', ' '),
      t.currency === currency
        ? fmt(t.amount, currency as never)
        : `${t.currency} ${fmt(t.amount, t.currency as never)}`,
      String(t.daysOverdue),
      `${(t.pd * 100).toFixed(1)}%`,
      t.openedOn ?? asOf,
      t.nextStep === undefined ? words.work(t) : `${words.work(t)} — ${words.next(t.nextStep)}`,
    ]),
  )}${dealt}\nMark a task done with \`credence worklist done TASK [--note TEXT]\`, or \`credence worklist snooze TASK --until DATE\`.`;
}
