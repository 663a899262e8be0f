/** The worked example of docs/domain/grading.md, graded with the shipped policy file. */
import { readFileSync } from 'node:fs';
import {
  type GradeInputs,
  gradeBuyer,
  gradeReasonMessage,
  overrideFigures,
  parseGradingPolicy,
  renderReason,
} from '@credence/core';
import { describe, expect, it } from 'vitest';
import { cell, readDocTables, table } from './doc-tables';

const tables = readDocTables(new URL('./grading.md', import.meta.url));
const policyFile = new URL('../../packages/runtime/config/grading-policy.json', import.meta.url);
const parsed = parseGradingPolicy(JSON.parse(readFileSync(policyFile, 'utf8')));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
const policy = parsed.value;
const num = (s: string) => (s === '' ? undefined : Number(s));

function inputs(r: Readonly<Record<string, string>>): GradeInputs {
  const pd = num(cell(r, 'financial pd'));
  const d12 = num(cell(r, 'days beyond terms 12m'));
  const d3 = num(cell(r, 'days beyond terms 3m'));
  const country = cell(r, 'country class');
  const insurer = num(cell(r, 'insurer grade'));
  return {
    ...(pd !== undefined ? { financial: { pd, fiscalYear: Number(cell(r, 'fiscal year')), missingInputs: 0 } } : {}),
    ...(d12 !== undefined ? { daysBeyondTerms: { months12: d12, ...(d3 !== undefined ? { months3: d3 } : {}) } } : {}),
    oldestOverdueDays: Number(cell(r, 'oldest overdue')),
    ...(country === '' ? {} : { countryClass: country === 'unclassified' ? 'unclassified' : Number(country) }),
    ...(cell(r, 'industry') !== '' ? { industry: cell(r, 'industry') } : {}),
    ...(insurer !== undefined ? { insurerGrade: insurer } : {}),
  };
}

describe('docs/domain/grading.md', () => {
  const graded = new Map(table(tables, 'inputs').rows.map((r) => [cell(r, 'buyer'), gradeBuyer(inputs(r), policy)]));

  it.each(table(tables, 'grades').rows.map((r) => [cell(r, 'buyer'), r] as const))('buyer %s', (buyer, r) => {
    const g = graded.get(buyer);
    expect(g?.grade).toBe(Number(cell(r, 'grade')));
    expect(g?.pd).toBeCloseTo(Number(cell(r, 'pd')), 6);
    expect(g?.tier).toBe(cell(r, 'tier'));
    expect(g?.confidence).toBe(cell(r, 'confidence'));
    expect(g?.missing.join(', ')).toBe(cell(r, 'missing'));
  });

  it('lists the steps of buyer A with their log-odds and in words', () => {
    const t = table(tables, 'reasons');
    const g = graded.get(t.attrs.buyer ?? '');
    expect(g?.reasons.map((x) => x.code)).toEqual(t.rows.map((r) => cell(r, 'code')));
    g?.reasons.forEach((x, i) => {
      const row = t.rows[i] ?? {};
      expect(x.logOdds).toBeCloseTo(Number(cell(row, 'log-odds')), 4);
      expect(renderReason(gradeReasonMessage(x), 'en')).toBe(cell(row, 'en'));
      expect(renderReason(gradeReasonMessage(x), 'zh-CN')).toBe(cell(row, 'zh-CN'));
    });
  });

  it('places an override: its tier and the PD of its grade', () => {
    for (const r of table(tables, 'override').rows) {
      const o = overrideFigures(Number(cell(r, 'grade')), policy);
      expect(o.tier).toBe(cell(r, 'tier'));
      expect(o.pd).toBeCloseTo(Number(cell(r, 'pd')), 6);
    }
  });
});
