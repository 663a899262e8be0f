import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMPANY_EXAMPLE } from '@credence/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credence, tempDir } from './harness';

// `promise add` and `plan create` take their days of grace from the company settings: an invalid settings
// file is an error (as for every other command that reads it), not a silent fall-back to the defaults.
const tmp = tempDir('grace');
const db = join(tmp.dir, 'db');
const write = (name: string, text: string) => {
  const path = join(tmp.dir, name);
  writeFileSync(path, text);
  return path;
};
const example = JSON.parse(readFileSync(COMPANY_EXAMPLE, 'utf8'));
const good = write('company.json', JSON.stringify({ ...example, promiseGraceDays: 7, planGraceDays: 9 }));
const bad = write('bad-company.json', JSON.stringify({ ...example, name: '', promiseGraceDays: 7 }));
const day = { CREDENCE_TODAY: '2026-03-31' };

beforeAll(async () => {
  const buyers = write('buyers.csv', 'buyer_id,name,country,currency,payment_terms_days\nB1,Alpha GmbH,DE,EUR,30\n');
  const invoices = write(
    'invoices.csv',
    'document_number,buyer_id,issue_date,due_date,amount,currency,type\nA-1,B1,2026-01-10,2026-02-09,1000.00,EUR,invoice\n',
  );
  for (const [what, file] of [
    ['buyers', buyers],
    ['invoices', invoices],
  ] as const)
    expect((await credence(['import', what, file, '--db', db], day)).code).toBe(0);
});
afterAll(() => tmp.cleanup());

describe('days of grace for promises and plans', () => {
  it('refuse an invalid company settings file with its error and record nothing', async () => {
    const promise = ['promise', 'add', '--buyer', 'B1', '--amount', '100.00', '--date', '2026-04-10'];
    const p = await credence([...promise, '--company', bad, '--db', db], day);
    expect(p.code).toBe(2);
    expect(p.err).toContain('bad-company.json');
    expect(p.err).toContain('name');
    const plan = [
      'plan',
      'create',
      '--buyer',
      'B1',
      '--document',
      'A-1',
      '--instalments',
      '2',
      '--first',
      '2026-04-30',
    ];
    const q = await credence([...plan, '--company', bad, '--db', db], day);
    expect(q.code).toBe(2);
    expect(q.err).toContain('bad-company.json');
    const listed = await credence(['promise', 'list', '--format', 'json', '--db', db], day);
    expect(JSON.parse(listed.out)).toEqual([]);
  });

  it("use the company's days of grace when the file is valid", async () => {
    const p = await credence(
      ['promise', 'add', '--buyer', 'B1', '--amount', '100.00', '--date', '2026-04-10', '--company', good, '--db', db],
      day,
    );
    expect([p.code, p.err]).toEqual([0, '']);
    expect(p.out).toContain("(+7 days' grace)");
  });

  it('use the defaults when there is no settings file and none is named', async () => {
    const p = await credence(
      ['promise', 'add', '--buyer', 'B1', '--amount', '50.00', '--date', '2026-04-20', '--db', db],
      day,
    );
    expect([p.code, p.err]).toEqual([0, '']);
    expect(p.out).toContain("(+3 days' grace)");
  });
});
