import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credence, tempDir } from './harness';

// `credence alerts …` (docs/domain/monitoring.md): run, list, ack, snooze, resolve, rules check, as JSON.
const tmp = tempDir('alerts');
const db = join(tmp.dir, 'db');

beforeAll(async () => {
  writeFileSync(
    join(tmp.dir, 'buyers.csv'),
    'buyer_id,name,country,currency,payment_terms_days\nB1,Acme GmbH,DE,EUR,30\nB2,Beta SA,DE,EUR,30\n',
  );
  writeFileSync(
    join(tmp.dir, 'invoices.csv'),
    'document_number,buyer_id,issue_date,due_date,amount,currency\nI1,B1,2026-01-05,2026-02-04,1000.00,EUR\nI2,B2,2026-06-01,2026-07-01,1000.00,EUR\n',
  );
  for (const k of ['buyers', 'invoices'])
    expect((await credence(['import', k, join(tmp.dir, `${k}.csv`), '--db', db])).code).toBe(0);
});
afterAll(() => tmp.cleanup());

type Listed = {
  asOf: string;
  alerts: { key: string; rule: string; state: string; figures: Record<string, unknown> }[];
};

describe('alerts from the command line', () => {
  it('runs a date once, lists, acknowledges, snoozes and resolves', async () => {
    const run = await credence(['alerts', 'run', '--as-of', '2026-06-30', '--format', 'json', '--db', db]);
    expect(run.code).toBe(0);
    const first = JSON.parse(run.out) as Listed & { opened: number };
    const overdue = first.alerts.find((a) => a.key === 'overdue_days:B1');
    expect(overdue).toMatchObject({
      rule: 'overdue_days',
      state: 'open',
      figures: { daysOverdue: 146, open: '1000.00', items: 1, oldest: 'I1' },
    });
    expect(first.opened).toBe(first.alerts.length);
    const again = JSON.parse(
      (await credence(['alerts', 'run', '--as-of', '2026-06-30', '--format', 'json', '--db', db])).out,
    ) as { opened: number; updated: number };
    expect([again.opened, again.updated]).toEqual([0, 0]);

    expect((await credence(['alerts', 'ack', 'overdue_days:B1', '--db', db])).code).toBe(0);
    const snooze = await credence([
      'alerts',
      'snooze',
      'concentration:B1',
      '--until',
      '2099-01-01',
      '--format',
      'json',
      '--db',
      db,
    ]);
    expect(snooze.code).toBe(0);
    expect(JSON.parse(snooze.out)).toMatchObject({ state: 'snoozed', snoozedUntil: '2099-01-01' });
    const listed = JSON.parse((await credence(['alerts', 'list', '--format', 'json', '--db', db])).out) as Listed;
    expect(listed.alerts.find((a) => a.key === 'overdue_days:B1')?.state).toBe('acknowledged');

    const noNote = await credence(['alerts', 'resolve', 'overdue_days:B1', '--db', db]);
    expect(noNote.code).not.toBe(0);
    expect(
      (await credence(['alerts', 'resolve', 'overdue_days:B1', '--note', 'paid by cheque', '--db', db])).code,
    ).toBe(0);
    const twice = await credence(['alerts', 'ack', 'overdue_days:B1', '--db', db]);
    expect(twice.code).not.toBe(0);
    const unknown = await credence(['alerts', 'ack', 'nope:B9', '--db', db]);
    expect(unknown.err).toContain('nope:B9');
  }, 180_000); // a dozen CLI runs, each starting the embedded database

  it('checks a rules file, naming each problem with its path', async () => {
    const bad = join(tmp.dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ id: 'x', rules: { utilisation: { percent: 120 }, nope: {} } }));
    const r = await credence(['alerts', 'rules', 'check', bad]);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('rules.utilisation.percent');
    expect(r.err).toContain('nope');
    const good = join(tmp.dir, 'good.json');
    writeFileSync(
      good,
      JSON.stringify({ id: 'mine', segments: [{ when: { tier: 'high' }, rules: { overdue_days: { days: 30 } } }] }),
    );
    const ok = await credence(['alerts', 'rules', 'check', good]);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('"mine" are valid');
  });
});
