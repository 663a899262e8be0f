import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, type BusinessDate, date } from '@credence/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credence, tempDir } from './harness';

const tmp = tempDir('demo-insurance');
afterAll(() => tmp.cleanup());

const AS_OF = '2026-06-30';
const dir = join(tmp.dir, 'demo');
const db = ['--db', join(dir, 'db')];
let out = '';

interface Deadline {
  readonly buyerId: string;
  readonly kind: string;
  readonly date: BusinessDate;
  readonly daysLeft: number;
  readonly policyNumber: string;
}

const json = async <T>(args: string[]): Promise<T> => {
  const r = await credence([...args, '--format', 'json', ...db]);
  expect(r.err).toBe('');
  return JSON.parse(r.out) as T;
};

beforeAll(async () => {
  const r = await credence(['demo', '--size', 'small', '--seed', '7', '--as-of', AS_OF, '--dir', dir]);
  expect(r.err).toBe('');
  out = r.out;
}, 300_000);

describe('the demo credit insurance (issue 15)', () => {
  it('has a policy, insured limits, a reduction, a buyer past its MEP and an open claim', () => {
    expect(out).toMatch(
      /Credit insurance: policy CI-2026-0042, insured limits for \d+ buyers; limit of B\d+ reduced; B\d+ past its MEP; claim open for B\d+/,
    );
  });

  it('holds the buyer past its MEP in the order check, and reports a delivery above the insured limit uninsured', async () => {
    const mep = /; (B\d+) past its MEP/.exec(out)?.[1] ?? '';
    const held = await json<{ decision: string; reasons: { code: string }[] }>([
      'credit',
      'check',
      '--buyer',
      mep,
      '--amount',
      '100.00',
      '--currency',
      'EUR',
      '--as-of',
      AS_OF,
    ]);
    expect(held.decision).toBe('hold');
    expect(held.reasons.map((r) => r.code)).toContain('insurance_mep_passed');
    // The reduced buyer's limit is half its approval: an order of ten million is mostly outside it.
    const reduced = /limit of (B\d+) reduced/.exec(out)?.[1] ?? '';
    const big = await json<{ reasons: { code: string; params: Record<string, string> }[] }>([
      'credit',
      'check',
      '--buyer',
      reduced,
      '--amount',
      '10000000.00',
      '--currency',
      'EUR',
      '--as-of',
      AS_OF,
    ]);
    const uninsured = big.reasons.find((r) => r.code === 'insurance_uninsured');
    expect(uninsured).toBeDefined();
    const part = (k: string) => Number(uninsured?.params[k] ?? Number.NaN);
    expect(part('uninsured')).toBeGreaterThan(0);
    // Insured and uninsured parts add up to the order.
    expect(Math.round((part('insured') + part('uninsured')) * 100)).toBe(1_000_000_000);
  });

  it('lists every deadline of the next 30 days, and each is in the worklist before it falls', async () => {
    const listed = await json<{ asOf: string; deadlines: Deadline[] }>([
      'insurance',
      'deadlines',
      '--as-of',
      AS_OF,
      '--within',
      '30',
    ]);
    const kinds = new Set(listed.deadlines.map((d) => d.kind));
    // The buyer past its MEP must notify; the limit expiring; adverse information not reported yet.
    for (const k of ['mep', 'notify_overdue', 'limit_expiry', 'adverse_info']) expect(kinds).toContain(k);
    expect(listed.deadlines.every((d) => d.daysLeft <= 30)).toBe(true);
    // Each on the worklist on the day its notice starts (7 days before it falls), or today if that is past (a passed
    // deadline stays on the list until it is met or marked done).
    const days = new Map<BusinessDate, Deadline[]>();
    for (const d of listed.deadlines) {
      const from = addDays(date(d.date), -7);
      const day = from < AS_OF ? date(AS_OF) : from;
      days.set(day, [...(days.get(day) ?? []), d]);
    }
    for (const [day, due] of [...days].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const list = await json<{ tasks: { key: string; action: string; text: string }[] }>([
        'worklist',
        '--as-of',
        day,
        '--limit',
        '100000',
        '--company',
        join(dir, 'company.json'),
      ]);
      const keys = new Set(list.tasks.filter((t) => t.action === 'insurance_deadline').map((t) => t.key));
      for (const d of due) {
        expect(day <= d.date || day === AS_OF).toBe(true);
        expect(keys).toContain(`insurance_deadline:${d.policyNumber}/${d.buyerId}/${d.kind}/${d.date}`);
      }
    }
  }, 300_000);

  it('declares the month: turnover per buyer and country from the invoices delivered in it, the overdue per buyer', async () => {
    const r = await json<{
      month: string;
      totalTurnover: string;
      turnover: { buyerId: string; country: string; amount: string }[];
      byCountry: { country: string; amount: string }[];
      overdue: { buyerId: string; invoices: { originalDueDate: string; daysOverdue: number }[] }[];
    }>(['insurance', 'report', '--as-of', AS_OF]);
    expect(r.month).toBe('2026-06');
    // From the demo's own CSV files: EUR invoices delivered (delivery date, else issue date) in June 2026.
    const rows = (f: string) =>
      readFileSync(join(dir, 'csv', f), 'utf8')
        .trim()
        .split('\n')
        .map((l) => l.split(','));
    const [head = [], ...invoices] = rows('invoices.csv');
    const col = (n: string) => head.indexOf(n);
    const cents = invoices
      .filter((i) => i[col('type')] === 'invoice' && i[col('currency')] === 'EUR')
      .filter((i) => (i[col('delivery_date')] || i[col('issue_date')] || '').startsWith('2026-06'))
      .reduce((s, i) => s + Math.round(Number(i[col('amount')]) * 100), 0);
    expect(Math.round(Number(r.totalTurnover) * 100)).toBe(cents);
    const sum = (xs: { amount: string }[]) => Math.round(xs.reduce((s, x) => s + Number(x.amount) * 100, 0));
    expect(sum(r.byCountry)).toBe(sum(r.turnover));
    // The buyer past its MEP is declared overdue, with its original due dates.
    const mep = /; (B\d+) past its MEP/.exec(out)?.[1] ?? '';
    const late = r.overdue.find((o) => o.buyerId === mep);
    expect(late?.invoices[0]?.daysOverdue).toBeGreaterThan(60);
    const csv = await credence(['insurance', 'report', '--as-of', AS_OF, '--format', 'csv', ...db]);
    expect(csv.out.split('\n')[0]).toBe(
      'section,policy,month,buyer,country,invoices,amount,invoice,invoice_date,original_due_date,days_overdue,currency',
    );
    expect(csv.out.split('\n').filter((l) => l.startsWith('turnover,')).length).toBe(r.turnover.length);
  });

  it('the recommended limit shows the insured limit in force and the part above it, uninsured', async () => {
    const reduced = /limit of (B\d+) reduced/.exec(out)?.[1] ?? '';
    const r = await json<{
      recommendation: { amount: string };
      insured?: { policyNumber: string; amount: string; reason: string; uninsured: string };
    }>(['limit', 'recommend', reduced, '--as-of', AS_OF]);
    expect(r.insured?.policyNumber).toBe('CI-2026-0042');
    expect(r.insured?.reason).toBe('reduced');
    const cents = (x: string | undefined) => Math.round(Number(x) * 100);
    const above = cents(r.recommendation.amount) - cents(r.insured?.amount);
    expect(cents(r.insured?.uninsured)).toBe(Math.max(0, above));
    // A buyer without insurance has none.
    const exposure = await json<{ buyers: { buyerId: string }[] }>(['insurance', 'exposure', '--as-of', AS_OF]);
    const insured = new Set(exposure.buyers.map((b) => b.buyerId));
    const uninsured = ['B00005', 'B00006', 'B00007', 'B00019', 'B00020', 'B00022', 'B00023', 'B00029'].find(
      (id) => !insured.has(id),
    );
    expect(uninsured).toBeDefined();
    const other = await json<{ insured?: unknown }>(['limit', 'recommend', uninsured ?? '', '--as-of', AS_OF]);
    expect(other.insured).toBeUndefined();
  });
});
