import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credence, tempDir } from './harness';

// Issue 12, item 5, from the command line: a grade override and a policy change, each with who and why, kept as
// history, shown beside what they replace, in the audit trail.
const tmp = tempDir('overrides');
afterAll(() => tmp.cleanup());
const db = join(tmp.dir, 'db');
const today = { CREDENCE_TODAY: '2026-06-30' };

beforeAll(async () => {
  const buyers = join(tmp.dir, 'b.csv');
  writeFileSync(buyers, 'buyer_id,name,country,currency,payment_terms_days\nB1,Nordwind Handel GmbH,DE,EUR,30\n');
  expect((await credence(['import', 'buyers', buyers, '--db', db])).code).toBe(0);
  expect((await credence(['grade', 'run', '--db', db], today)).code).toBe(0);
});

describe('credence grade override', () => {
  it('overrides with a reason, shows both grades, lists the history, clears, and audits', async () => {
    const missing = await credence(['grade', 'override', 'B1', '3', '--by', 'cora', '--db', db], today);
    expect(missing.code).toBe(2); // --reason is required
    const bad = await credence(['grade', 'override', 'B1', '11', '--reason', 'x', '--by', 'cora', '--db', db], today);
    expect(bad.code).not.toBe(0);
    const o = await credence(
      [
        'grade',
        'override',
        'B1',
        '3',
        '--reason',
        'parent guarantee signed',
        '--until',
        '2026-09-30',
        '--by',
        'cora',
        '--db',
        db,
      ],
      today,
    );
    expect([o.code, o.err]).toEqual([0, '']);
    expect(o.out).toBe(
      'B1: overridden to 3 (low risk) by cora on 2026-06-30: parent guarantee signed, until 2026-09-30\n',
    );
    const shown = await credence(['grade', 'show', 'B1', '--db', db], today);
    expect(shown.out).toMatch(
      /Risk grade 3 \(low risk\): computed \d+ \(\w+ risk\), overridden to 3 \(low risk\) by cora on 2026-06-30: parent guarantee signed, until 2026-09-30\nComputed: PD /,
    );
    const buyer = await credence(['buyer', 'show', 'B1', '--db', db], today);
    expect(buyer.out).toContain('overridden to 3 (low risk) by cora on 2026-06-30');
    // After its last day the computed grade shows alone.
    const later = await credence(['grade', 'show', 'B1', '--as-of', '2026-10-01', '--db', db], today);
    expect(later.out).not.toContain('overridden');

    const cleared = await credence(
      ['grade', 'clear-override', 'B1', '--reason', 'guarantee withdrawn', '--by', 'cora', '--db', db],
      today,
    );
    expect(cleared.out).toBe('B1: override removed by cora on 2026-06-30: guarantee withdrawn\n');
    const history = await credence(['grade', 'history', 'B1', '--db', db], today);
    expect(history.out).toMatch(/2026-06-30 +graded +\d+ +\w+/);
    expect(history.out).toMatch(/2026-06-30 +override +3 +low +cora: parent guarantee signed \(until 2026-09-30\)/);
    expect(history.out).toMatch(/2026-06-30 +override removed +cora: guarantee withdrawn/);
    const audit = await credence(['audit', 'list', '--entity', 'buyer:B1', '--format', 'json', '--db', db], today);
    const rows = JSON.parse(audit.out) as { action: string; actor: string; reason?: string }[];
    expect(rows.filter((r) => r.action.startsWith('grade_override')).map((r) => [r.action, r.actor, r.reason])).toEqual(
      [
        ['grade_override', 'cora', 'parent guarantee signed'],
        ['grade_override_clear', 'cora', 'guarantee withdrawn'],
      ],
    );
  });
});

describe('credence policy', () => {
  it('shows where each policy comes from, stores a validated version with why, and the commands use it', async () => {
    const before = await credence(['policy', 'show', '--db', db], today);
    expect(before.out).toMatch(/check +shipped file/);
    const shipped = JSON.parse((await credence(['policy', 'show', 'check', '--db', db], today)).out) as Record<
      string,
      number
    >;
    const file = join(tmp.dir, 'check.json');
    writeFileSync(file, JSON.stringify({ ...shipped, referFromGrade: 'seven' }));
    const refused = await credence(['policy', 'set', 'check', file, '--reason', 'x', '--by', 'cora', '--db', db]);
    expect(refused.code).not.toBe(0);
    writeFileSync(file, JSON.stringify({ ...shipped, referFromGrade: 1 }));
    const set = await credence(
      ['policy', 'set', 'check', file, '--reason', 'refer every order for now', '--by', 'cora', '--db', db],
      today,
    );
    expect([set.code, set.out]).toEqual([0, 'check policy: version 1 in force (cora: refer every order for now)\n']);
    expect((await credence(['policy', 'show', '--db', db], today)).out).toMatch(
      /check +version 1 of 1 +cora +\S+ +refer every order for now/,
    );
    const check = await credence(
      ['credit', 'check', '--buyer', 'B1', '--amount', '10', '--currency', 'EUR', '--format', 'json', '--db', db],
      today,
    );
    const reasons = (JSON.parse(check.out) as { reasons: { code: string }[] }).reasons.map((r) => r.code);
    expect(reasons).toContain('grade_too_weak');
    const audit = await credence(['audit', 'list', '--entity', 'policy:check', '--format', 'json', '--db', db]);
    expect((JSON.parse(audit.out) as { reason: string }[]).map((r) => r.reason)).toEqual(['refer every order for now']);
  });
});
