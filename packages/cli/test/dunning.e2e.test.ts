import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_DUNNING_POLICY } from '@credence/runtime';
import { decodeWords, header, startSmtpServer, type TestSmtpServer } from '@credence/runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credence, tempDir } from './harness';

// `credence dunning run` end to end: real CSV files, a company.json, a real PGlite directory, a real SMTP server.
const tmp = tempDir('dunning');
const db = join(tmp.dir, 'db');
const company = join(tmp.dir, 'company.json');
const outbox = join(tmp.dir, 'outbox');
const skipping = join(tmp.dir, 'skipping-policy.json');
const day = { CREDENCE_TODAY: '2026-03-31' };
let smtp: TestSmtpServer;
const withSmtp = () => ({ ...day, CREDENCE_SMTP_URL: `smtp://127.0.0.1:${smtp.port}` });
afterAll(async () => {
  await smtp.close();
  tmp.cleanup();
});

const write = (name: string, text: string) => {
  const path = join(tmp.dir, name);
  writeFileSync(path, text);
  return path;
};

beforeAll(async () => {
  // The shipped ladder with friendly, formal and final skippable: an item goes straight to the level it reached.
  const shipped = JSON.parse(readFileSync(DEFAULT_DUNNING_POLICY, 'utf8')) as {
    levels: { id: string }[];
  };
  writeFileSync(
    skipping,
    JSON.stringify({
      ...shipped,
      id: 'skipping',
      levels: shipped.levels.map((l) =>
        ['friendly', 'formal', 'final'].includes(l.id) ? { ...l, skippable: true } : l,
      ),
    }),
  );
  smtp = await startSmtpServer({ refuse: { 'gone@delta.example': 550 } });
  writeFileSync(
    company,
    JSON.stringify({
      name: 'Nordlicht Handels GmbH',
      address: ['Hafenstraße 12', '20457 Hamburg'],
      bankAccount: {
        bankName: 'Hamburger Sparkasse',
        accountName: 'Nordlicht Handels GmbH',
        iban: 'DE02200505501015871393',
      },
      contact: { name: 'Anna Berg', email: 'credit@nordlicht.example' },
      interestRegime: 'contract',
      interestRate: '8%/year',
    }),
  );
  const buyers = write(
    'buyers.csv',
    'buyer_id,name,country,currency,payment_terms_days,language,email,address\n' +
      'B1,Alpha Trading Ltd,GB,EUR,30,en,ap@alpha.example,1 King St | London\n' +
      'B2,华东贸易有限公司,CN,EUR,30,zh-CN,ap@huadong.example,上海市浦东新区张江路188号\n' +
      'B3,臺灣精密股份有限公司,TW,EUR,30,zh-TW,ap@tw.example,\n' +
      'B4,Delta SARL,FR,EUR,30,fr,gone@delta.example,\n',
  );
  const invoices = write(
    'invoices.csv',
    'document_number,buyer_id,issue_date,due_date,amount,currency\n' +
      'A-1,B1,2026-01-01,2026-03-10,1000.00,EUR\n' +
      'A-2,B1,2026-01-01,2026-04-15,500.00,EUR\n' +
      'C-1,B2,2026-01-01,2026-03-25,2000.00,EUR\n' +
      'T-1,B3,2026-01-01,2026-02-20,3000.00,EUR\n' +
      'D-1,B4,2026-01-01,2026-01-15,4000.00,EUR\n' +
      'D-2,B4,2026-01-01,2026-03-01,100.00,EUR\n',
  );
  for (const [kind, file] of [
    ['buyers', buyers],
    ['invoices', invoices],
  ] as const)
    expect((await credence(['import', kind, file, '--db', db])).code).toBe(0);
  expect(
    (await credence(['dispute', 'open', '--document', 'D-2', '--reason', 'price', '--owner', 'ben', '--db', db], day))
      .code,
  ).toBe(0);
});

describe('credence dunning run', () => {
  it('previews the first run without recording: one friendly reminder per buyer, by level, with --out', async () => {
    const out = join(tmp.dir, 'preview');
    const r = await credence(
      ['dunning', 'run', '--dry-run', '--out', out, '--format', 'json', '--company', company, '--db', db],
      day,
    );
    expect([r.code, r.err]).toEqual([0, '']);
    const json = JSON.parse(r.out) as {
      asOf: string;
      actions: { buyerId: string; level: string; language: string; documents: { number: string }[] }[];
      firstRun: { reason: string; byLevel: { level: string; letters: number }[]; held: unknown[] };
    };
    expect(json.asOf).toBe('2026-03-31');
    // Stepwise (the shipped policy): no letter yet, so every overdue buyer starts with a friendly reminder,
    // however old its invoices; B1's invoice due 15 April is listed as a courtesy in the same letter.
    expect(json.actions.map((a) => `${a.buyerId}:${a.level}:${a.language}`)).toEqual([
      'B1:friendly:en',
      'B2:friendly:zh-CN',
      'B3:friendly:zh-TW',
      'B4:friendly:fr',
    ]);
    expect(json.actions[0]?.documents.map((d) => d.number)).toEqual(['A-1', 'A-2']);
    expect(json.firstRun).toMatchObject({
      reason: 'no_confirmed_run',
      byLevel: [{ level: 'friendly', letters: 4 }],
      held: [],
    });
    const files = readdirSync(out);
    expect(files.filter((f) => f.endsWith('.pdf'))).toHaveLength(4);
    expect(files.filter((f) => f.endsWith('.eml'))).toHaveLength(4);
    expect(readFileSync(join(out, 'L-20260331-B2-friendly.html'), 'utf8')).toContain('华东贸易有限公司');
    const text = await credence(['dunning', 'run', '--dry-run', '--company', company, '--db', db], day);
    expect(text.out).toMatch(/First run: no run has been confirmed on this database yet\. By level, if confirmed:/);
    expect(text.out).toMatch(/friendly: 4 letter\(s\), 10,000\.00 EUR/);
  });

  it('holds what a skipping policy sends beyond friendly until --confirm (exit 7), then sends once; hands off after a formal notice', async () => {
    const run = (env: Record<string, string>, ...more: string[]) =>
      credence(
        [
          'dunning',
          'run',
          '--format',
          'json',
          '--policy',
          skipping,
          '--company',
          company,
          '--outbox',
          outbox,
          '--db',
          db,
          ...more,
        ],
        env,
      );
    const first = await run(withSmtp());
    expect([first.code, first.err]).toEqual([7, '']);
    const held = JSON.parse(first.out) as {
      actions: { buyerId: string; level: string }[];
      firstRun: { confirmed: boolean; held: { buyerId: string; level: string }[] };
    };
    expect(held.actions.map((a) => `${a.buyerId}:${a.level}`)).toEqual(['B2:friendly']);
    expect(held.firstRun.confirmed).toBe(false);
    // B4's invoice is 75 days overdue, but never had a formal notice: a final demand, not the agency.
    expect(held.firstRun.held.map((h) => `${h.buyerId}:${h.level}`)).toEqual(['B1:formal', 'B3:final', 'B4:final']);
    expect(smtp.received).toHaveLength(1);

    const r = await run(withSmtp(), '--confirm');
    expect([r.code, r.err]).toEqual([0, '']);
    const json = JSON.parse(r.out) as {
      actions: { buyerId: string; level: string }[];
      delivery: { sent: number; written: number; failed: { outboxId: string; detail: string }[] };
    };
    expect(json.actions.map((a) => `${a.buyerId}:${a.level}`)).toEqual(['B1:formal', 'B3:final', 'B4:final']);
    expect(json.delivery.sent).toBe(2);
    expect(json.delivery.failed.map((f) => f.outboxId)).toEqual(['L-20260331-B4-final-email']);
    expect(json.delivery.failed[0]?.detail).toMatch(/550/);
    expect(json.delivery.written).toBe(3); // the formal notice and the two final demands, printed
    expect(smtp.received).toHaveLength(3);
    const subjects = smtp.received.map((m) => decodeWords(header(m, 'subject') ?? ''));
    expect(subjects.some((s) => /[\u4e00-\u9fff]/.test(s))).toBe(true);
    expect(smtp.received.every((m) => /application\/pdf/.test(m))).toBe(true);
    expect(existsSync(join(outbox, 'print', 'L-20260331-B1-formal.pdf'))).toBe(true);
    expect((JSON.parse((await run(withSmtp(), '--confirm')).out) as { actions: unknown[] }).actions).toEqual([]);
    expect(smtp.received).toHaveLength(3);

    // After the final demand's deadline (10 April): B4 goes to the agency; the others one step on.
    const later = await run({ ...withSmtp(), CREDENCE_TODAY: '2026-04-11' });
    expect([later.code, later.err]).toEqual([0, '']);
    const next = JSON.parse(later.out) as { actions: { buyerId: string; level: string }[]; firstRun?: unknown };
    expect(next.firstRun).toBeUndefined();
    expect(next.actions.map((a) => `${a.buyerId}:${a.level}`)).toEqual(['B1:final', 'B2:formal', 'B4:agency']);
    const cases = readdirSync(join(outbox, 'cases'));
    expect(cases.sort()).toEqual(['B4-2026-04-11-agency.json', 'B4-2026-04-11-agency.pdf']);
    const file = JSON.parse(readFileSync(join(outbox, 'cases', 'B4-2026-04-11-agency.json'), 'utf8')) as {
      documents: { number: string; disputed: boolean }[];
      history: { kind: string }[];
    };
    expect(file.documents.map((d) => `${d.number}:${d.disputed}`)).toEqual(['D-1:false', 'D-2:true']);
    expect(file.history.map((h) => h.kind)).toContain('dispute_opened');
  });

  it('retries a failed e-mail to the address the buyer has now', async () => {
    const fixed = write(
      'buyers-fixed.csv',
      'buyer_id,name,country,currency,payment_terms_days,language,email\nB4,Delta SARL,FR,EUR,30,fr,compta@delta.example\n',
    );
    expect((await credence(['import', 'buyers', fixed, '--db', db], day)).code).toBe(0);
    const r = await credence(
      ['dunning', 'deliver', '--retry-failed', '--company', company, '--outbox', outbox, '--db', db],
      withSmtp(),
    );
    expect([r.code, r.err]).toEqual([0, '']);
    // The final demand of 31 March and the agency letter of 11 April, both refused at the old address.
    expect(r.out).toMatch(/Delivered: 2 sent, 0 written, 0 failed \(of 2\)/);
    expect(header(smtp.received.at(-1) ?? '', 'to')).toBe('compta@delta.example');
    // Restore the address the other tests expect.
    expect((await credence(['import', 'buyers', join(tmp.dir, 'buyers.csv'), '--db', db], day)).code).toBe(0);
  });

  it('shows the timeline and the worklist', async () => {
    const t = await credence(['buyer', 'timeline', 'B4', '--db', db], day);
    expect(t.code).toBe(0);
    expect(t.out).toMatch(/dispute opened/);
    expect(t.out).toMatch(/letter .*L-20260411-B4-agency/);
    expect(t.out).toMatch(/delivery .*agency-email: failed/);
    expect(t.out).toMatch(/delivery .*agency-email: sent/);
    const w = await credence(['worklist', '--format', 'json', '--company', company, '--db', db], {
      CREDENCE_TODAY: '2026-04-11',
    });
    expect(w.code).toBe(0);
    type Task = { key: string; buyerId: string; action: string; reason: { code: string }; text: string };
    const tasks = (JSON.parse(w.out) as { tasks: Task[] }).tasks;
    // JSON keeps the reason's code and references and adds the sentence.
    const handOff = tasks.find((x) => x.buyerId === 'B4' && x.action === 'hand_off');
    expect(handOff?.reason.code).toBe('letter');
    // The level's name and its channel say the same: the channel is not repeated after it.
    expect(handOff?.text).toMatch(/^Collection agency for D-1; letter L-20260411-B4-agency$/);
    const zh = await credence(['worklist', '--lang', 'zh-CN', '--company', company, '--db', db], day);
    expect(zh.out).toMatch(/催收机构：.*；函件 L-20260411-B4-agency/);
    expect(zh.out).not.toMatch(/催收机构（催收机构）/);
    expect(tasks.map((x) => `${x.buyerId}:${x.action}`)).toEqual(
      expect.arrayContaining(['B4:hand_off', 'B2:post_letter', 'B1:post_letter']),
    );
    expect(tasks.map((x) => `${x.buyerId}:${x.action}`)).not.toContain('B4:fix_delivery');
    // Marking a task done with --db after the key (which the parent `worklist` also takes): it leaves the list.
    const key = handOff?.key as string;
    const done = await credence(['worklist', 'done', key, '--note', 'sent to the agency', '--db', db], day);
    expect([done.code, done.err]).toEqual([0, '']);
    const after = await credence(['worklist', '--format', 'json', '--company', company, '--db', db], day);
    expect((JSON.parse(after.out) as { tasks: Task[] }).tasks.map((x) => x.key)).not.toContain(key);
  });

  it('lists disputes, promises and plans with their state', async () => {
    const d = await credence(['dispute', 'list', '--open', '--db', db], day);
    expect(d.out).toMatch(/DSP-0001\s+B4\s+2026-03-31\s+D-2\s+price\s+ben\s+open/);
    const p = await credence(
      [
        'promise',
        'add',
        '--buyer',
        'B1',
        '--amount',
        '1000.00',
        '--date',
        '2026-04-10',
        '--document',
        'A-1',
        '--company',
        company,
        '--db',
        db,
      ],
      day,
    );
    expect([p.code, p.err]).toEqual([0, '']);
    const l = await credence(['promise', 'list', '--format', 'json', '--db', db], day);
    expect(JSON.parse(l.out)).toEqual([
      expect.objectContaining({ id: 'PRM-0001', amount: '1000.00', status: 'open', promisedDate: '2026-04-10' }),
    ]);
    const bad = await credence(
      ['plan', 'create', '--buyer', 'B1', '--document', 'A-1', '--instalment', '2026-04-30=10.00', '--db', db],
      day,
    );
    expect(bad.code).toBe(3);
    expect(bad.err).toMatch(/instalments add up to 10\.00 EUR, the documents' open balance is 1000\.00/);
  });

  it('resolves a dispute by a credit note that corrects a disputed invoice, and no other', async () => {
    const notes = write(
      'credit-notes.csv',
      'document_number,buyer_id,issue_date,due_date,amount,currency,type,applies_to\n' +
        'CN-8,B4,2026-03-31,2026-03-31,40.00,EUR,credit_note,D-2\n' +
        'CN-9,B4,2026-03-31,2026-03-31,40.00,EUR,credit_note,D-1\n',
    );
    expect((await credence(['import', 'invoices', notes, '--db', db], day)).code).toBe(0);
    const none = await credence(['dispute', 'resolve', 'DSP-0001', '--outcome', 'partial', '--db', db], day);
    expect(none.code).toBe(3);
    expect(none.err).toContain('credence: missing --credit-note (outcome partial names the credit note issued)');
    const wrong = await credence(
      ['dispute', 'resolve', 'DSP-0001', '--outcome', 'partial', '--credit-note', 'CN-9', '--db', db],
      day,
    );
    expect(wrong.code).toBe(3);
    expect(wrong.err).toMatch(/CN-9 corrects D-1, which is not in dispute DSP-0001/);
    const right = await credence(
      ['dispute', 'resolve', 'DSP-0001', '--outcome', 'partial', '--credit-note', 'CN-8', '--db', db],
      day,
    );
    expect([right.code, right.err]).toEqual([0, '']);
    const list = await credence(['dispute', 'list', '--format', 'json', '--db', db], day);
    expect(JSON.parse(list.out)).toEqual([
      expect.objectContaining({
        id: 'DSP-0001',
        resolution: expect.objectContaining({ outcome: 'partial', creditNote: 'CN-8', accepted: '40.00' }),
      }),
    ]);
  });

  it('says what is missing without company settings', async () => {
    const r = await credence(['dunning', 'run', '--company', join(tmp.dir, 'nope.json'), '--db', db], day);
    expect(r.code).toBe(4);
    expect(r.err).toMatch(/no company settings .*company\.example\.json/);
  });
});
