import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credence, tempDir } from './harness';

// Users, roles and tokens, the audit trail, and who records: --by (program-wide, also after the command),
// CREDENCE_USER, the old --operator / CREDENCE_OPERATOR.
const tmp = tempDir('users-audit');
const db = join(tmp.dir, 'db');
afterAll(() => tmp.cleanup());
const at = (args: string[]) => [...args, '--db', db];

beforeAll(async () => {
  writeFileSync(join(tmp.dir, 'buyers.csv'), 'buyer_id,name,country,currency,payment_terms_days\nB1,Acme,DE,EUR,30\n');
  expect((await credence(at(['import', 'buyers', join(tmp.dir, 'buyers.csv')]))).code).toBe(0);
});

describe('credence user', () => {
  it('adds a user and prints its token once, in JSON', async () => {
    const r = await credence(at(['user', 'add', 'anna', '--role', 'credit_manager', '--format', 'json']), {
      CREDENCE_USER: 'root',
    });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { user: string; role: string; token: string; tokenId: string };
    expect(j).toMatchObject({ user: 'anna', role: 'credit_manager' });
    expect(j.token).toMatch(/^cr_[A-Za-z0-9_-]{43}$/);
    const list = await credence(at(['user', 'list', '--format', 'json']));
    expect(JSON.parse(list.out)).toMatchObject([{ name: 'anna', role: 'credit_manager', revokedAt: null }]);
    expect(list.out).not.toContain(j.token);
  });

  it('refuses a taken name, an unknown role and a name with a slash', async () => {
    const taken = await credence(at(['user', 'add', 'anna', '--role', 'sales']));
    expect(taken.code).toBe(3);
    expect(taken.err).toContain('exists already');
    const role = await credence(at(['user', 'add', 'ben', '--role', 'root']));
    expect(role.code).toBe(2);
    expect(role.err).toContain('choose admin, credit_manager, collector, sales, erp');
    expect((await credence(at(['user', 'add', 'a/b', '--role', 'sales']))).code).toBe(2);
  });

  it('revokes a user and its tokens, once', async () => {
    expect((await credence(at(['user', 'add', 'bot', '--role', 'erp']))).code).toBe(0);
    const r = await credence(at(['user', 'revoke', 'bot']));
    expect(r.code).toBe(0);
    expect(r.out).toContain('User bot revoked (1 token(s)).');
    expect((await credence(at(['user', 'revoke', 'bot']))).code).toBe(3);
    expect((await credence(at(['user', 'revoke', 'nobody']))).code).toBe(4);
  });
});

describe('who records, and credence audit list', () => {
  it('takes the decision maker from --by after the command, or CREDENCE_USER; the trail names them', async () => {
    const ask = ['limit', 'request', '--buyer', 'B1', '--amount', '5000', '--currency', 'EUR', '--reason', 'new deal'];
    const a = await credence(at([...ask, '--by', 'carla']));
    expect(a.code).toBe(0);
    const b = await credence(at(ask), { CREDENCE_USER: 'dora' });
    expect(b.code).toBe(0);
    const none = await credence(at(ask));
    expect(none.code).toBe(2);
    expect(none.err).toContain('Pass --by NAME or set CREDENCE_USER');
    const long = await credence(at(ask), { CREDENCE_USER: 'x'.repeat(201) });
    expect(long.code).toBe(2);
    expect(long.err).toContain('CREDENCE_USER');
    const old = await credence(at([...ask, '--operator', 'emil']));
    expect(old.code).toBe(0);

    const trail = await credence(at(['audit', 'list', '--entity', 'buyer:B1', '--format', 'json']));
    expect(trail.code).toBe(0);
    const rows = JSON.parse(trail.out) as { actor: string; action: string; channel: string; reason?: string }[];
    expect(rows.filter((e) => e.action === 'limit_request').map((e) => [e.actor, e.channel, e.reason])).toEqual([
      ['carla', 'cli', 'new deal'],
      ['dora', 'cli', 'new deal'],
      ['emil', 'cli', 'new deal'],
    ]);
    const csv = await credence(at(['audit', 'list', '--user', 'dora', '--format', 'csv']));
    expect(csv.out.trimEnd().split('\n')).toHaveLength(2);
    expect(csv.out).toContain('limit_request,buyer:B1,new deal');
    const users = await credence(at(['audit', 'list', '--entity', 'user:anna', '--format', 'json']));
    expect((JSON.parse(users.out) as { actor: string; action: string }[]).map((e) => [e.action, e.actor])).toEqual([
      ['user_add', 'root'],
      ['token_issue', 'root'],
    ]);
    const future = await credence(at(['audit', 'list', '--from', '2999-01-01']));
    expect(future.out).toContain('No audit entries match.');
    expect((await credence(at(['audit', 'list', '--from', 'yesterday']))).code).toBe(2);
  });

  it('keeps --by of a report a report option', async () => {
    const r = await credence(at(['report', 'aging', '--by', 'buyer', '--format', 'json']));
    expect(r.code).toBe(0);
  });
});
