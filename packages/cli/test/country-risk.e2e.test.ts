import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credence, tempDir } from './harness';

// `credence country-risk set|import` records dated classes; `alerts run` then fires country_risk_worsened.
const tmp = tempDir('country-risk');
afterAll(() => tmp.cleanup());
const db = join(tmp.dir, 'db');

beforeAll(async () => {
  const buyers = join(tmp.dir, 'b.csv');
  writeFileSync(buyers, 'buyer_id,name,country,currency,payment_terms_days\nB1,Istanbul Tekstil,TR,EUR,30\n');
  expect((await credence(['import', 'buyers', buyers, '--db', db])).code).toBe(0);
});

describe('credence country-risk', () => {
  it('imports a file all or nothing, sets a class, and the alert fires on the worsening', async () => {
    const bad = join(tmp.dir, 'bad.csv');
    writeFileSync(bad, 'country,class,valid_from,source\nTR,5,2025-01-01,OECD\nTR,8,2026-05-15,OECD\n');
    const refused = await credence(['country-risk', 'import', bad, '--db', db]);
    expect(refused.code).toBe(3);
    expect(refused.err).toContain('row 3');
    expect(refused.err).toContain('not a country risk class (0 to 7)');

    const good = join(tmp.dir, 'good.csv');
    writeFileSync(good, 'country,class,valid_from,source\nTR,5,2025-01-01,OECD\n');
    const first = await credence(['country-risk', 'import', good, '--db', db]);
    expect([first.code, first.out.trim()]).toEqual([0, `${good}: 1 class, 1 recorded, 0 unchanged`]);
    const again = await credence(['country-risk', 'import', good, '--db', db]);
    expect(again.out.trim()).toBe(`${good}: 1 class, 0 recorded, 1 unchanged`);

    const set = await credence([
      'country-risk',
      'set',
      'TR',
      '6',
      '--from',
      '2026-05-15',
      '--source',
      'OECD',
      '--db',
      db,
    ]);
    expect(set.code).toBe(0);
    const run = await credence(['alerts', 'run', '--as-of', '2026-06-30', '--format', 'json', '--db', db]);
    const alerts = (JSON.parse(run.out) as { alerts: { key: string; figures: Record<string, unknown> }[] }).alerts;
    expect(
      alerts.filter((a) => a.key.startsWith('country_risk')).map((a) => [a.key, a.figures.from, a.figures.to]),
    ).toEqual([['country_risk_worsened:B1', 5, 6]]);
  });
});
