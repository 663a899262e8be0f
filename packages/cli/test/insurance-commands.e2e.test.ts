import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credence, tempDir } from './harness';

// `credence insurance …` end to end on a small ledger: every sub-command's output and exit code, so the commands
// can be reshaped without changing what they do.
const tmp = tempDir('insurance-commands');
afterAll(() => tmp.cleanup());
const db = ['--db', join(tmp.dir, 'db')];
const write = (name: string, text: string) => {
  const p = join(tmp.dir, name);
  writeFileSync(p, text);
  return p;
};
const run = (args: string[]) => credence([...args, ...db], { CREDENCE_TODAY: '2026-06-30' });

beforeAll(async () => {
  const buyers = write('b.csv', 'buyer_id,name,country,currency,payment_terms_days\nB1,Nordwind GmbH,DE,EUR,30\n');
  expect((await run(['import', 'buyers', buyers])).code).toBe(0);
  const invoices = write(
    'i.csv',
    'document_number,buyer_id,issue_date,due_date,amount,currency\nI-1,B1,2026-01-10,2026-02-09,12000.00,EUR\n',
  );
  expect((await run(['import', 'invoices', invoices])).code).toBe(0);
  const policy = write(
    'p.json',
    JSON.stringify({
      insurer: 'Hermes',
      policyNumber: 'P-1',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      currency: 'EUR',
      countries: ['DE'],
      discretionaryLimitMax: '5000',
    }),
  );
  const added = await run(['insurance', 'policy', 'add', policy, '--by', 'ann']);
  expect([added.code, added.out.trim()]).toEqual([0, 'insurance policy P-1: version 1 in force']);
}, 120_000);

describe('credence insurance', () => {
  it('records limit decisions, a discretionary limit and adverse information, and shows the history', async () => {
    const approve = await run([
      'insurance',
      'limit',
      'approve',
      'B1',
      '--amount',
      '20000',
      '--date',
      '2026-01-05',
      '--expiry',
      '2026-12-31',
      '--reference',
      'D-1',
      '--by',
      'ann',
    ]);
    expect([approve.code, approve.out.trim()]).toEqual([0, 'B1: limit_approved on 2026-01-05 20000.00 EUR (#1)']);
    const withdraw = await run(['insurance', 'limit', 'withdraw', 'B1', '--date', '2026-01-06', '--by', 'ann']);
    expect(withdraw.out.trim()).toBe('B1: limit_withdrawn on 2026-01-06 (#2)');
    const above = await run([
      'insurance',
      'discretionary',
      'B1',
      '--amount',
      '6000',
      '--report-date',
      '2026-01-07',
      '--by',
      'ann',
    ]);
    expect(above.code).not.toBe(0);
    expect(above.err).toMatch(/not an amount: "6000"/);
    const disc = await run([
      'insurance',
      'discretionary',
      'B1',
      '--amount',
      '5000',
      '--report-date',
      '2026-01-07',
      '--by',
      'ann',
    ]);
    expect(disc.out.trim()).toBe('B1: discretionary on 2026-01-07 5000.00 EUR (#3)');
    const adverse = await run(['insurance', 'adverse', 'B1', '--date', '2026-02-01', '--reported', '--by', 'ann']);
    expect(adverse.out.trim()).toBe('B1: adverse_reported on 2026-02-01 (#4)');
    const show = await run(['insurance', 'limit', 'show', 'B1', '--as-of', '2026-03-01', '--format', 'json']);
    const h = JSON.parse(show.out) as { inForce: { amount: string; reason: string }; events: { kind: string }[] };
    // The insurer's withdrawal stands: a discretionary limit does not override it.
    expect(h.inForce).toMatchObject({ amount: '0', reason: 'withdrawn' });
    expect(h.events.map((e) => e.kind)).toEqual(['limit_approved', 'limit_withdrawn', 'discretionary']);
    const table = await run(['insurance', 'limit', 'show', 'B1', '--as-of', '2026-03-01']);
    expect(table.out).toMatch(/in force on 2026-03-01: 0\.00 EUR \(withdrawn\)/);
  });

  it('imports the decision file once, and rejects a bad one whole', async () => {
    const csv = write(
      'd.csv',
      'buyer_id,decision,amount,currency,decision_date,expiry,reference\nB1,approve,15000,EUR,2026-03-02,2026-12-31,D-2\n',
    );
    expect((await run(['insurance', 'import-decisions', csv, '--by', 'ann'])).out.trim()).toBe(
      `${csv}: 1 rows, 1 decisions recorded, 0 unchanged`,
    );
    expect((await run(['insurance', 'import-decisions', csv, '--by', 'ann'])).out.trim()).toBe(
      `${csv}: 1 rows, 0 decisions recorded, 1 unchanged`,
    );
    const bad = write('bad.csv', 'buyer_id,decision,amount,currency,decision_date\nB9,maybe,1,EUR,2026-03-02\n');
    const r = await run(['insurance', 'import-decisions', bad, '--by', 'ann']);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/nothing imported \(\d+ errors\)/);
  });

  it('lists exposure and deadlines, notifies with the form, and walks the claim to a recovery', async () => {
    const exposure = await run(['insurance', 'exposure', '--as-of', '2026-03-31', '--format', 'json']);
    expect(JSON.parse(exposure.out)).toMatchObject({ buyers: [{ buyerId: 'B1', limit: '15000.00' }] });
    const deadlines = await run(['insurance', 'deadlines', '--as-of', '2026-03-31', '--within', '120']);
    expect(deadlines.code).toBe(0);
    expect(deadlines.out).toMatch(/^Date +Days left +Buyer +Kind +Amount +Documents/);

    const step = (args: string[]) => run(['insurance', 'claim', ...args, '--by', 'ann']);
    const early = await step(['complete', 'B1', '--date', '2026-06-01']);
    expect(early.code).not.toBe(0);
    const out = join(tmp.dir, 'form.csv');
    const notify = await run(['insurance', 'notify', 'B1', '--date', '2026-06-01', '--out', out, '--by', 'ann']);
    expect(notify.code).toBe(0);
    expect(notify.out).toMatch(/^B1: overdue notified on 2026-06-01; date of loss \d{4}-\d\d-\d\d; form written to /);
    expect(readFileSync(out, 'utf8').split('\n')[1]).toMatch(/^P-1,B1,2026-06-01,I-1,2026-02-09,12000\.00,/);
    expect(readFileSync(join(tmp.dir, 'form.pdf')).toString('latin1', 0, 5)).toBe('%PDF-');
    expect(existsSync(join(tmp.dir, 'form.pdf'))).toBe(true);
    expect((await step(['open', 'B1', '--date', '2026-06-02'])).code).not.toBe(0);
    expect((await step(['add-document', 'B1', '--name', 'invoice copies', '--date', '2026-06-03'])).out.trim()).toBe(
      'B1: claim_document on 2026-06-03 (#7)',
    );
    expect((await step(['complete', 'B1', '--date', '2026-06-04'])).code).toBe(0);
    expect((await step(['insolvency', 'B1', '--date', '2026-06-05'])).code).toBe(0);
    expect((await step(['indemnify', 'B1', '--amount', '1000', '--date', '2026-06-20'])).out.trim()).toBe(
      'B1: indemnity_paid on 2026-06-20 1000.00 EUR (#10)',
    );
    expect((await step(['recover', 'B1', '--amount', '100', '--date', '2026-06-25'])).code).toBe(0);
    const shown = await run(['insurance', 'claim', 'show', 'B1', '--as-of', '2026-06-30']);
    const claim = JSON.parse(shown.out) as {
      settlement: { dateOfLoss: string };
      indemnityPaid: string;
      documents: string[];
      recoveries: { amount: string }[];
    };
    expect(claim.settlement.dateOfLoss).toBe('2026-06-05');
    expect(claim.indemnityPaid).toBe('100000');
    expect(claim.documents).toEqual(['invoice copies']);
    expect(claim.recoveries.map((x) => x.amount)).toEqual(['10000']);
  });
});
