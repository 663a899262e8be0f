/** The worked example of docs/domain/dunning.md: levels on the run date with the shipped default policy. */
import { readFileSync } from 'node:fs';
import {
  addDays,
  type BusinessDate,
  type CurrencyCode,
  type DunningLevel,
  daysBetween,
  deadlineOf,
  type LastLetter,
  ladderFor,
  levelDue,
  parseDunningPolicy,
  planDunning,
} from '@credence/core';
import { describe, expect, it } from 'vitest';
import { cell, readDocTables, table } from './doc-tables';

const t = table(readDocTables(new URL('./dunning.md', import.meta.url)), 'levels');
const policy = parseDunningPolicy(
  JSON.parse(readFileSync(new URL('../../packages/runtime/config/dunning-policy.json', import.meta.url), 'utf8')),
);
if (!policy.ok) throw new Error(JSON.stringify(policy.error));
const asOf = t.attrs.asOf as BusinessDate;

describe('docs/domain/dunning.md', () => {
  it.each(t.rows.map((r) => [cell(r, 'item'), r] as const))('%s', (number, r) => {
    const last = cell(r, 'last letter');
    const held = cell(r, 'held');
    const plan = planDunning({
      asOf,
      policy: policy.value,
      buyers: new Map([['B', { id: 'B', country: 'DE' }]]),
      items: [
        {
          number,
          buyerId: 'B',
          currency: 'EUR' as CurrencyCode,
          dueDate: cell(r, 'due date') as BusinessDate,
          open: 1000_00n,
        },
      ],
      lastLetters: new Map<string, LastLetter>(
        last ? [[number, { levelId: last, deadline: cell(r, 'its deadline') as BusinessDate }]] : [],
      ),
      excluded: new Map(held === 'disputed' ? [[number, 'disputed' as const]] : []),
      pausedBuyers: new Set(),
      escalate: new Set(held === 'broken promise' ? [number] : []),
    });
    expect(plan.letters[0]?.level.id ?? 'none').toBe(cell(r, 'level'));
  });
});

/** The seeds' rhythm: a run every day on one unpaid invoice, with the shipped seeds policy. */
describe("docs/domain/dunning.md: the seeds' collection rhythm", () => {
  const r = table(readDocTables(new URL('./dunning.md', import.meta.url)), 'rhythm');
  const seeds = parseDunningPolicy(
    JSON.parse(
      readFileSync(new URL('../../packages/runtime/config/dunning-policy-seeds.json', import.meta.url), 'utf8'),
    ),
  );
  if (!seeds.ok) throw new Error(JSON.stringify(seeds.error));
  const due = r.attrs.due as BusinessDate;
  const sent: { date: string; level: DunningLevel; deadline: string }[] = [];
  let last: LastLetter | undefined;
  for (let day = r.attrs.from as BusinessDate; day <= (r.attrs.to as BusinessDate); day = addDays(day, 1)) {
    const level = levelDue(ladderFor(seeds.value, { country: 'DE' }), due, day, last);
    if (level === undefined) continue;
    last = { levelId: level.id, deadline: deadlineOf(level, day), levels: [...(last?.levels ?? []), level.id] };
    sent.push({ date: day, level, deadline: last.deadline });
  }
  it('sends a letter on the run dates of the table, and no other', () => {
    expect(sent.map((s) => s.date)).toEqual(r.rows.map((row) => cell(row, 'run date')));
  });
  it.each(r.rows.map((row) => [cell(row, 'run date'), row] as const))('%s', (date, row) => {
    const s = sent.find((x) => x.date === date);
    expect(s?.level.id).toBe(cell(row, 'level'));
    expect(s?.level.channel).toBe(cell(row, 'channel'));
    expect(s?.deadline).toBe(cell(row, 'deadline'));
    expect(daysBetween(due, date as BusinessDate)).toBe(Number(cell(row, 'day')));
    expect(s?.level.hold === true ? 'yes' : '').toBe(cell(row, 'hold'));
    expect(s?.level.call === true ? 'yes' : '').toBe(cell(row, 'call'));
  });
});
