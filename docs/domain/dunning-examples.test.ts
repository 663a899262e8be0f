/** The worked example of docs/domain/dunning.md: levels on the run date with the shipped default policy. */
import { readFileSync } from 'node:fs';
import { type BusinessDate, type CurrencyCode, type LastLetter, parseDunningPolicy, planDunning } from '@credence/core';
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
