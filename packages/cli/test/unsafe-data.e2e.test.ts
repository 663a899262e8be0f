import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Buyer, date } from '@credence/core';
import { openStore } from '@credence/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asCurrency } from '../src/options';
import { credence, tempDir } from './harness';

// Data stored before imports checked ids and lengths: a buyer id that is a path, a 100,000-character name.
const tmp = tempDir('unsafe');
const db = join(tmp.dir, 'db');
const company = join(tmp.dir, 'company.json');
const day = { CREDENCE_TODAY: '2026-03-31' };
const later = { CREDENCE_TODAY: '2026-04-14' };
const policy = join(tmp.dir, 'policy.json');
const EUR = asCurrency('EUR');
const HUGE = 'Nordwind Logistik '.repeat(6000).slice(0, 100_000);
afterAll(() => tmp.cleanup());

/** Every file under `dir`, relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
}

beforeAll(async () => {
  // A formal notice first, then the agency (which always needs one): two runs reach the hand-off.
  writeFileSync(
    policy,
    JSON.stringify({
      id: 'short',
      minimumOverdue: '0',
      levels: [
        { id: 'formal', offsetDays: 15, channel: 'letter', tone: 'warning', fee: '0', deadlineDays: 10 },
        { id: 'agency', offsetDays: 60, channel: 'agency', tone: 'final', fee: '0', deadlineDays: 0 },
      ],
    }),
  );
  writeFileSync(
    company,
    JSON.stringify({
      name: 'Nordlicht Handels GmbH',
      address: ['Hafenstraße 12', '20457 Hamburg'],
      bankAccount: { bankName: 'Hamburger Sparkasse', accountName: 'Nordlicht', iban: 'DE02200505501015871393' },
      contact: { name: 'Anna Berg', email: 'credit@nordlicht.example' },
    }),
  );
  const buyer = (id: string, over: Partial<Buyer> = {}): Buyer => ({
    id,
    name: `Buyer ${id}`,
    country: 'DE',
    currency: EUR,
    paymentTermsDays: 30,
    language: 'en',
    ...over,
  });
  const invoice = (number: string, buyerId: string, dueDate: string) => ({
    number,
    buyerId,
    type: 'invoice' as const,
    issueDate: date('2026-01-01'),
    dueDate: date(dueDate),
    amount: 100_000n,
    currency: EUR,
    idempotencyKey: `doc:${number}`,
    contentHash: `hash:${number}`,
  });
  const store = await openStore({ dir: db });
  try {
    await store.transact(async (tx) => {
      await tx.upsertBuyers([
        buyer('../../x', { name: HUGE, email: 'ap@x.example', address: `${HUGE} | Hamburg` }),
        buyer('..\\CON'),
        buyer('.'),
      ]);
      await tx.insertDocuments([
        invoice('X-1', '../../x', '2026-01-15'), // agency: e-mail and case file
        invoice('C-1', '..\\CON', '2026-03-10'), // no e-mail address: printed
        invoice('D-1', '.', '2026-03-10'),
      ]);
    });
  } finally {
    await store.close();
  }
});

describe('a dunning run over legacy unsafe ids', () => {
  it('writes every letter and case file inside --out and the outbox, and finishes', async () => {
    const out = join(tmp.dir, 'out');
    const outbox = join(tmp.dir, 'outbox');
    const dun = (env: Record<string, string>) =>
      credence(
        [
          'dunning',
          'run',
          '--confirm',
          '--policy',
          policy,
          '--out',
          out,
          '--outbox',
          outbox,
          '--company',
          company,
        ].concat(['--format', 'json', '--db', db]),
        env,
      );
    const r = await dun(day);
    expect([r.code, r.err]).toEqual([0, '']);
    const run = JSON.parse(r.out) as { actions: { buyerId: string }[]; delivery: { failed: { detail: string }[] } };
    expect(run.actions.map((a) => a.buyerId).sort()).toEqual(['.', '../../x', '..\\CON']);
    // the two buyers without an e-mail address get their letters printed; nothing else fails
    expect(run.delivery.failed.map((f) => f.detail)).toEqual([
      'no e-mail address for buyer .',
      'no e-mail address for buyer ..\\CON',
    ]);

    // nothing escaped: the only files are the database's, the company settings, --out's and the outbox's
    const all = filesUnder(tmp.dir).filter((f) => !f.startsWith('db/'));
    expect(
      all.every((f) => /^(company|policy)\.json$/.test(f) || f.startsWith('out/') || f.startsWith('outbox/')),
    ).toBe(true);
    const outFiles = filesUnder(out);
    expect(outFiles.filter((f) => f.endsWith('.pdf'))).toHaveLength(3);
    expect(outFiles.filter((f) => f.endsWith('.eml'))).toHaveLength(3);
    for (const f of [...outFiles, ...filesUnder(outbox)]) {
      expect(f.split('/').pop()).toMatch(/^[A-Za-z0-9_][A-Za-z0-9._-]*$/);
      expect(f).not.toContain('..');
    }
    // Two weeks on, the formal notice's deadline has passed: X-1 goes to the agency with its case file.
    const handOff = await dun(later);
    expect([handOff.code, handOff.err]).toEqual([0, '']);
    expect((JSON.parse(handOff.out) as { actions: { buyerId: string; level: string }[] }).actions).toEqual([
      expect.objectContaining({ buyerId: '../../x', level: 'agency' }),
    ]);
    for (const f of filesUnder(outbox)) {
      expect(f.split('/').pop()).toMatch(/^[A-Za-z0-9_][A-Za-z0-9._-]*$/);
      expect(f).not.toContain('..');
    }
    expect(
      filesUnder(tmp.dir)
        .filter((f) => !f.startsWith('db/'))
        .every((f) => /^(company|policy)\.json$|^out\/|^outbox\//.test(f)),
    ).toBe(true);
    expect(filesUnder(join(outbox, 'cases'))).toHaveLength(2);
    // the three formal notices are letters to post (the path-like ids' among them)
    expect(filesUnder(join(outbox, 'print'))).toHaveLength(3);

    // the 100,000-character name is cut in what is rendered: every letter and case file stays small
    for (const f of [...outFiles.map((f) => join(out, f)), ...filesUnder(outbox).map((f) => join(outbox, f))])
      if (!f.endsWith('.json')) expect(statSync(f).size).toBeLessThan(200 * 1024);
  });
});

describe('ids and text checked at the door', () => {
  const fresh = join(tmp.dir, 'db-fresh');
  const csv = (name: string, text: string) => {
    const path = join(tmp.dir, name);
    writeFileSync(path, text);
    return path;
  };
  const HEADER = 'buyer_id,name,country,currency,payment_terms_days\n';

  it('rejects an import with a path for a buyer id or a 100,000-character name: row errors, exit 3, nothing imported', async () => {
    const file = csv('bad-buyers.csv', `${HEADER}B1,Alpha,DE,EUR,30\n../../x,Path,DE,EUR,30\nB3,${HUGE},DE,EUR,30\n`);
    const r = await credence(['import', 'buyers', file, '--db', fresh]);
    expect(r.code).toBe(3);
    expect(r.err).toContain('row 3, column buyer_id, value "../../x": an id may not contain / or \\');
    expect(r.err).toContain('row 4, column name, value "Nordwind');
    expect(r.err).toContain('longer than 200 characters');
    expect(r.err.length).toBeLessThan(2_000);
    const list = await credence(['buyer', 'list', '--format', 'json', '--db', fresh]);
    expect(JSON.parse(list.out)).toEqual([]);
  });

  it('checks ids and free text given on the command line: exit 2', async () => {
    const pay = await credence(
      ['payment', 'add', '--id', '../p', '--buyer', 'B1', '--date', '2026-03-01', '--amount', '1', '--currency', 'EUR'],
      { ...day },
    );
    expect(pay.code).toBe(2);
    expect(pay.err).toContain('an id may not contain / or \\');
    const note = await credence(['note', 'add', '--buyer', 'B1', '--text', 'x'.repeat(2001), '--db', fresh], day);
    expect(note.code).toBe(2);
    expect(note.err).toContain('longer than 2000 characters');
    const pause = await credence(
      ['buyer', 'pause', 'B1', '--until', '2026-04-30', '--reason', 'ok', '--by', 'n'.repeat(201), '--db', fresh],
      day,
    );
    expect(pause.code).toBe(2);
    expect(pause.err).toContain('longer than 200 characters');
  });
});
