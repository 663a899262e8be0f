import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credence, tempDir } from './harness';

// The alert rules as a stored policy (`policy set alerts`), used by `alerts run` and `alerts notify`; the shipped
// file until one is set.
const tmp = tempDir('alert-policy');
afterAll(() => tmp.cleanup());
const db = join(tmp.dir, 'db');
const outbox = join(tmp.dir, 'outbox');
const company = new URL('../../runtime/config/company.example.json', import.meta.url).pathname;
const today = { CREDENCE_TODAY: '2026-06-30' };

beforeAll(async () => {
  const buyers = join(tmp.dir, 'b.csv');
  writeFileSync(
    buyers,
    'buyer_id,name,country,currency,payment_terms_days,sales_owner\nB1,Nordwind Handel GmbH,DE,EUR,30,sam\n',
  );
  expect((await credence(['import', 'buyers', buyers, '--db', db])).code).toBe(0);
  const invoices = join(tmp.dir, 'i.csv');
  writeFileSync(
    invoices,
    'document_number,buyer_id,type,issue_date,due_date,amount,currency\nI-1,B1,invoice,2026-02-01,2026-03-01,900.00,EUR\n',
  );
  expect((await credence(['import', 'invoices', invoices, '--db', db])).code).toBe(0);
});

const severityOf = async (asOf: string, key: string) => {
  const r = await credence(['alerts', 'run', '--as-of', asOf, '--format', 'json', '--db', db], today);
  expect(r.code).toBe(0);
  return (JSON.parse(r.out) as { alerts: { key: string; severity: string }[] }).alerts.find((a) => a.key === key)
    ?.severity;
};

describe('credence policy set alerts', () => {
  it('stores the alert rules as a version, which alerts run and alerts notify then use', async () => {
    const shipped = JSON.parse((await credence(['policy', 'show', 'alerts', '--db', db], today)).out) as { id: string };
    expect(shipped.id).toBe('default');
    expect(await severityOf('2026-06-30', 'overdue_days:B1')).toBe('warning');

    const bad = join(tmp.dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ id: 'x', rules: { overdue_days: { days: -1 } } }));
    const refused = await credence(['policy', 'set', 'alerts', bad, '--reason', 'x', '--by', 'cora', '--db', db]);
    expect(refused.code).toBe(3);
    expect(refused.err).toContain('rules.overdue_days.days');

    const file = join(tmp.dir, 'alerts.json');
    writeFileSync(
      file,
      JSON.stringify({
        id: 'strict',
        rules: { overdue_days: { severity: 'critical', notify: ['sales_owner'] } },
        recipients: { people: [{ name: 'sam', email: 'sam@nordlicht.example', language: 'zh-CN' }] },
      }),
    );
    const set = await credence([
      'policy',
      'set',
      'alerts',
      file,
      '--reason',
      'overdue is urgent',
      '--by',
      'cora',
      '--db',
      db,
    ]);
    expect([set.code, set.out]).toEqual([0, 'alerts policy: version 1 in force (cora: overdue is urgent)\n']);
    const stored = JSON.parse((await credence(['policy', 'show', 'alerts', '--db', db], today)).out) as { id: string };
    expect(stored.id).toBe('strict');
    expect((await credence(['policy', 'show', '--db', db], today)).out).toMatch(/alerts\s+version 1 of 1\s+cora/);
    expect(await severityOf('2026-07-01', 'overdue_days:B1')).toBe('critical');

    const env = { ...today, CREDENCE_TODAY: '2026-07-01' };
    const args = ['alerts', 'notify', '--company', company, '--outbox', outbox, '--db', db];
    const sent = await credence(args, env);
    expect([sent.code, sent.out]).toEqual([0, 'alert digests 2026-07-01: 1 sent, 0 failed, 0 sent before\n']);
    const again = await credence(args, env);
    expect(again.out).toBe('alert digests 2026-07-01: 0 sent, 0 failed, 1 sent before\n');
    const emls = readdirSync(outbox, { recursive: true }).filter((f) => String(f).endsWith('.eml'));
    expect(emls).toHaveLength(1);
    expect(readFileSync(join(outbox, String(emls[0])), 'utf8')).toContain('sam@nordlicht.example');
  });
});
