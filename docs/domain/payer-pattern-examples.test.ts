/** The worked examples of docs/domain/credit-policy.md §6: cannot pay or will not pay. */
import { classifyPayer, type ExternalGrade } from '@credence/core';
import { describe, expect, it } from 'vitest';
import { cell, readDocTables, table } from './doc-tables';

const t = table(readDocTables(new URL('./credit-policy.md', import.meta.url)), 'payer-pattern');
const num = (v: string) => (v === '' ? undefined : Number(v));

describe('docs/domain/credit-policy.md: cannot pay or will not pay', () => {
  it.each(t.rows.map((r) => [cell(r, 'buyer'), r] as const))('%s', (_, r) => {
    const ext = cell(r, 'external');
    const [source, value] = ext.split(' ');
    const external: Pick<ExternalGrade, 'source' | 'value'>[] =
      ext === '' ? [] : [{ source: source as ExternalGrade['source'], value: Number(value) }];
    const b3 = num(cell(r, 'beyond terms 3 m'));
    const b12 = num(cell(r, 'beyond terms 12 m'));
    const p = classifyPayer({
      daysOverdue: Number(cell(r, 'days overdue')),
      explanations: Number(cell(r, 'explanations')),
      ...(b3 !== undefined ? { daysBeyondTerms3m: b3 } : {}),
      ...(b12 !== undefined ? { daysBeyondTerms12m: b12 } : {}),
      brokenPromises: Number(cell(r, 'broken promises')),
      disputes: Number(cell(r, 'disputes')),
      external,
    });
    expect(p.class).toBe(cell(r, 'class'));
    expect(p.nextStep).toBe(cell(r, 'next step'));
    expect(p.reasons.map((x) => x.code).join(', ')).toBe(cell(r, 'reasons'));
  });
});
