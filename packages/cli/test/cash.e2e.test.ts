import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credence, tempDir } from './harness';

// Issue 11, item 2 from the command line: an over-payment left as unapplied cash does not make the buyer
// overdue in `buyer show` or the aging; `payment apply` and `payment reallocate` put the cash on invoices,
// append-only, print the figures before and after, and refuse what does not add up with exit codes.
const tmp = tempDir('cash');
const db = join(tmp.dir, 'db');
const run = (...args: string[]) => credence([...args, '--db', db]);
interface Shown {
  openItems: { number: string; open: string; owed: string; daysOverdue: number }[];
  unappliedCash: { payment: string; date: string; amount: string; unapplied: string }[];
  creditBalance: { currency: string; amount: string }[];
}
const show = async (asOf: string): Promise<Shown> => {
  const r = await run('buyer', 'show', 'B1', '--as-of', asOf, '--format', 'json');
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as Shown;
};

beforeAll(async () => {
  const files: Record<string, string> = {
    buyers: 'buyer_id,name,country,currency,payment_terms_days\nB1,Acme GmbH,DE,EUR,30\nB2,Other AG,DE,EUR,30\n',
    invoices:
      'document_number,buyer_id,issue_date,due_date,amount,currency\n' +
      'I1,B1,2025-08-01,2025-08-31,1000.00,EUR\nI2,B1,2025-08-15,2025-09-14,500.00,EUR\n' +
      'I3,B1,2026-06-01,2026-07-01,400.00,EUR\nX1,B2,2026-01-01,2026-01-31,100.00,EUR\n',
    // P1 names I1 and pays 1,600: I1 settled, 600 left unapplied although I2 (500) is open since September.
    payments: 'payment_id,buyer_id,payment_date,amount,currency,document_number\nP1,B1,2025-09-01,1600.00,EUR,I1\n',
  };
  for (const [k, text] of Object.entries(files)) {
    writeFileSync(join(tmp.dir, `${k}.csv`), text);
    expect((await run('import', k, join(tmp.dir, `${k}.csv`))).code).toBe(0);
  }
});
afterAll(() => tmp.cleanup());

describe('unapplied cash from the command line', () => {
  it('buyer show: the cash covers I2, which is not overdue; the payment is listed with what is left of it', async () => {
    const s = await show('2026-06-30');
    expect(s.openItems.map((i) => [i.number, i.open, i.owed, i.daysOverdue])).toEqual([
      ['I2', '500.00', '0.00', 0],
      ['I3', '400.00', '300.00', 0],
    ]);
    expect(s.unappliedCash).toEqual([
      { payment: 'P1', date: '2025-09-01', currency: 'EUR', amount: '1600.00', unapplied: '600.00' },
    ]);
    const text = await run('buyer', 'show', 'B1', '--as-of', '2026-06-30');
    expect(text.out).toContain('covered');
    expect(text.out).toContain('Unapplied cash as of 2026-06-30');
    const aging = await run('report', 'aging', '--as-of', '2026-06-30', '--by', 'buyer', '--format', 'json');
    const rows = JSON.parse(aging.out) as { buyerId: string; total: string; buckets: { amount: string }[] }[];
    expect(rows.find((r) => r.buyerId === 'B1')?.buckets.map((b) => b.amount)).toEqual([
      '300.00',
      '0.00',
      '0.00',
      '0.00',
      '0.00',
      '0.00',
      '0.00',
    ]);
  });

  it('payment apply records who applied what, prints before and after, and a rerun changes nothing', async () => {
    const args = ['payment', 'apply', 'P1', '--document', 'I2', '--date', '2026-06-30', '--by', 'alice'];
    const r = await run(...args);
    expect(r.code).toBe(0);
    expect(r.out).toContain('recorded by alice on 2026-06-30: EUR 500.00 of payment P1 to I2');
    expect(r.out).toContain('payment P1 unapplied: EUR 600.00 -> 100.00');
    expect(r.out).toContain('I2 open: EUR 500.00 -> 0.00');
    const again = await run(...args);
    expect(again.code).toBe(0);
    expect(again.out).toContain('unchanged');
    const s = await show('2026-06-30');
    expect(s.openItems.map((i) => [i.number, i.open, i.owed])).toEqual([['I3', '400.00', '300.00']]);
    expect(s.unappliedCash.map((p) => p.unapplied)).toEqual(['100.00']);
    // The day before, the ledger still shows I2 open: the application is a new dated row.
    expect((await show('2026-06-29')).openItems.map((i) => [i.number, i.open])).toEqual([
      ['I2', '500.00'],
      ['I3', '400.00'],
    ]);
  });

  it('payment reallocate moves an applied amount from one invoice to another', async () => {
    const r = await run('payment', 'reallocate', 'P1', '--from', 'I1', '--to', 'I3', '--amount', '250', '--by', 'bob');
    expect(r.code).toBe(0);
    expect(r.out).toContain('recorded by bob on 2026-06-30: EUR 250.00 of payment P1 from I1 to I3');
    expect(r.out).toContain('I1 open: EUR 0.00 -> 250.00');
    expect(r.out).toContain('I3 open: EUR 400.00 -> 150.00');
    expect(r.out).toContain('payment P1 unapplied: EUR 100.00 -> 100.00');
  });

  it('refuses amounts that do not add up, other buyers, credit-free unknowns, with exit codes', async () => {
    const tooMuch = await run('payment', 'apply', 'P1', '--document', 'I3', '--amount', '150.00');
    expect(tooMuch.code).toBe(3);
    expect(tooMuch.err).toContain('more than the payment has unapplied (100.00)');
    const moved = await run('payment', 'reallocate', 'P1', '--from', 'I2', '--to', 'I1', '--amount', '600');
    expect(moved.code).toBe(3);
    expect(moved.err).toContain('more than the payment applied to I2 (500.00)');
    const other = await run('payment', 'apply', 'P1', '--document', 'X1');
    expect(other.code).toBe(3);
    expect(other.err).toContain('belongs to another buyer');
    expect((await run('payment', 'apply', 'P9', '--document', 'I3')).code).toBe(4);
    expect((await run('payment', 'apply', 'P1', '--document', 'NOPE')).code).toBe(4);
  });
});
