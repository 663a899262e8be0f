import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credence, tempDir } from './harness';

// The Done-when checks of issue 18 (docs/domain/credit-policy.md) on the demo portfolio.
const tmp = tempDir('credit-policy-demo');
afterAll(() => tmp.cleanup());

const AS_OF = '2026-06-30';
const dir = join(tmp.dir, 'demo');
const db = ['--db', join(dir, 'db')];
const file = (name: string, text: string) => {
  const f = join(tmp.dir, name);
  writeFileSync(f, text);
  return f;
};

const json = async <T>(args: string[]): Promise<T> => {
  const r = await credence([...args, '--format', 'json', ...db]);
  expect(r.err).toBe('');
  return JSON.parse(r.out) as T;
};

interface KeyAccounts {
  readonly total: string;
  readonly shareBp: number;
  readonly accounts: readonly {
    buyerId: string;
    turnover: string;
    shareBp: number;
    cumulativeBp: number;
    accountClass: string;
  }[];
}
interface Check {
  readonly decision: string;
  readonly exposure: { afterOrder: string; secured: string };
  readonly reasons: readonly { code: string; params: Record<string, string | number> }[];
}
const check = (buyer: string, amount: string, currency: string, extra: string[] = []) =>
  json<Check>([
    'credit',
    'check',
    '--buyer',
    buyer,
    '--amount',
    amount,
    '--currency',
    currency,
    '--as-of',
    AS_OF,
    ...extra,
  ]);
const cents = (s: string) => Math.round(Number(s) * 100);

beforeAll(async () => {
  const r = await credence(['demo', '--size', 'small', '--seed', '7', '--as-of', AS_OF, '--dir', dir]);
  expect(r.err).toBe('');
}, 300_000);

describe('the credit policy on the demo (issue 18, Done when)', () => {
  it('names as key accounts the largest buyers up to 20 % of the turnover, the rest simplified', async () => {
    const all = await json<KeyAccounts>(['buyer', 'key-accounts', '--as-of', AS_OF, '--all']);
    expect(all.shareBp).toBe(2000);
    expect(all.accounts.length).toBeGreaterThan(5);
    // The turnovers add up to the total; the ranking is by turnover, largest first.
    expect(all.accounts.reduce((s, a) => s + cents(a.turnover), 0)).toBe(cents(all.total));
    const turnovers = all.accounts.map((a) => cents(a.turnover));
    expect(turnovers).toEqual([...turnovers].sort((a, b) => b - a));
    // A buyer is key while the buyers before it make less than 20 % of the turnover.
    let before = 0;
    for (const a of all.accounts) {
      expect(a.accountClass).toBe(before < 2000 ? 'key' : 'simplified');
      before = a.cumulativeBp;
    }
    const key = await json<KeyAccounts>(['buyer', 'key-accounts', '--as-of', AS_OF]);
    expect(key.accounts.map((a) => a.buyerId)).toEqual(
      all.accounts.filter((a) => a.accountClass === 'key').map((a) => a.buyerId),
    );
    expect(key.accounts.length).toBeGreaterThan(0);
  });

  it('refers an order on terms longer than its tier allows, and not one within them', async () => {
    const key = await json<KeyAccounts>(['buyer', 'key-accounts', '--as-of', AS_OF]);
    const buyer = key.accounts[0]?.buyerId ?? '';
    const long = await check(buyer, '100.00', 'EUR', ['--terms', '200']);
    expect(long.decision).toBe('refer');
    const beyond = long.reasons.find((r) => r.code === 'terms_beyond_tier');
    expect(beyond?.params.days).toBe(200);
    const maxDays = Number(beyond?.params.maxDays);
    expect(maxDays).toBeLessThan(200);
    const within = await check(buyer, '100.00', 'EUR', ['--terms', String(maxDays)]);
    expect(within.reasons.map((r) => r.code)).not.toContain('terms_beyond_tier');
  });

  it('counts a guarantee against the exposure in the check', async () => {
    const before = await check('B00009', '1000.00', 'EUR');
    expect(cents(before.exposure.secured)).toBe(0);
    const add = await credence([
      'security',
      'add',
      'B00009',
      '--id',
      'G-DEMO',
      '--kind',
      'guarantee',
      '--issuer',
      'Parent SA',
      '--amount',
      '50000.00',
      '--currency',
      'EUR',
      '--from',
      '2026-01-01',
      '--expires',
      '2026-12-31',
      '--reason',
      'parent guarantee',
      '--by',
      'anna',
      ...db,
    ]);
    expect([add.code, add.err]).toEqual([0, '']);
    const after = await check('B00009', '1000.00', 'EUR');
    expect(cents(after.exposure.secured)).toBe(5_000_000);
    expect(cents(before.exposure.afterOrder) - cents(after.exposure.afterOrder)).toBe(5_000_000);
  });

  it("holds a new buyer's second order above the first-order cap once probation is on", async () => {
    const shown = await credence(['policy', 'show', 'check', ...db]);
    const policy = JSON.parse(shown.out) as { credit: Record<string, unknown> };
    policy.credit.newBuyers = { firstOrderCap: { EUR: '10000.00' }, probationOrders: 3, probationMonths: 6 };
    const set = await credence([
      'policy',
      'set',
      'check',
      file('check.json', JSON.stringify(policy)),
      '--reason',
      'probation for new buyers',
      '--by',
      'anna',
      ...db,
    ]);
    expect([set.code, set.err]).toEqual([0, '']);
    const buyers = file('new.csv', 'buyer_id,name,country,currency,payment_terms_days\nBNEW,Neukunde GmbH,DE,EUR,30\n');
    expect((await credence(['import', 'buyers', buyers, ...db])).code).toBe(0);
    const limit = ['limit', 'set', '--buyer', 'BNEW', '--currency', 'EUR', '--by', 'anna', '--reason', 'new'];
    // Above the cap only a credit manager may set the limit.
    expect((await credence([...limit, '--amount', '50000.00', '--from', '2026-06-01', ...db])).code).toBe(3);
    const cm = await credence([...limit, '--amount', '50000.00', '--from', '2026-06-01', '--credit-manager', ...db]);
    expect([cm.code, cm.err]).toEqual([0, '']);
    const orders = file(
      'orders.csv',
      'order_id,buyer_id,order_date,amount,currency,status\nO-NEW-1,BNEW,2026-06-10,8000.00,EUR,delivered\n',
    );
    expect((await credence(['import', 'orders', orders, ...db])).code).toBe(0);
    const second = await check('BNEW', '12000.00', 'EUR');
    expect(second.decision).toBe('hold');
    // One order so far: this is its second.
    expect(second.reasons.find((r) => r.code === 'first_order_cap')?.params.orders).toBe(1);
    const small = await check('BNEW', '9000.00', 'EUR');
    expect(small.decision).toBe('approve');
  });

  it('renders the monthly statement of a key account as a PDF in zh-CN and en', async () => {
    const key = await json<KeyAccounts>(['buyer', 'key-accounts', '--as-of', AS_OF]);
    const buyer = key.accounts[0]?.buyerId ?? '';
    const st = await json<{ buyer: { name: string }; currencies: { currency: string; closing: string }[] }>([
      'statement',
      'buyer',
      buyer,
      '--as-of',
      AS_OF,
    ]);
    expect(st.currencies.length).toBeGreaterThan(0);
    for (const lang of ['zh-CN', 'en']) {
      const out = join(tmp.dir, `statement-${lang}.pdf`);
      const r = await credence([
        'statement',
        'buyer',
        buyer,
        '--as-of',
        AS_OF,
        '--format',
        'pdf',
        '--lang',
        lang,
        '--company',
        join(dir, 'company.json'),
        '--out',
        out,
        ...db,
      ]);
      expect([r.code, r.err]).toEqual([0, '']);
      expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
      const text = execFileSync('pdftotext', ['-layout', out, '-']).toString();
      expect(text).toContain(st.buyer.name);
      for (const c of st.currencies) {
        const closing = (Number(c.closing) / 100).toLocaleString('en-US', { minimumFractionDigits: 2 });
        expect(text).toContain(closing);
      }
    }
  });

  it('e-mails the key accounts their June statement once, and records their confirmation and disputed lines', async () => {
    const key = await json<KeyAccounts>(['buyer', 'key-accounts', '--as-of', AS_OF]);
    const outbox = join(tmp.dir, 'outbox');
    const send = ['statement', 'send', '--as-of', '2026-07-01', '--company', join(dir, 'company.json')];
    const first = await credence([...send, '--outbox', outbox, ...db], { CREDENCE_TODAY: '2026-07-01' });
    expect([first.code, first.err]).toEqual([0, '']);
    expect(first.out).toContain(`Statements of 2026-06-30: ${key.accounts.length} sent, 0 sent before`);
    const files = readdirSync(outbox).filter((f) => f.endsWith('.eml'));
    expect(files.length).toBe(key.accounts.length);
    const buyer = key.accounts[0]?.buyerId ?? '';
    const eml = readFileSync(join(outbox, files.find((f) => f.includes(buyer)) ?? ''), 'utf8');
    expect(eml).toContain('application/pdf');
    expect(eml).toContain(`statement-${buyer}-2026-06-30.pdf`);
    // Once per buyer and month: a second run sends nothing.
    const again = await credence([...send, '--outbox', outbox, ...db], { CREDENCE_TODAY: '2026-07-01' });
    expect(again.out).toContain(`0 sent, ${key.accounts.length} sent before`);
    expect(readdirSync(outbox).filter((f) => f.endsWith('.eml')).length).toBe(key.accounts.length);

    const st = await json<{ currencies: { lines: { kind: string; reference: string }[] }[] }>([
      'statement',
      'buyer',
      buyer,
      '--as-of',
      AS_OF,
    ]);
    const invoice = st.currencies.flatMap((c) => c.lines).find((l) => l.kind === 'invoice')?.reference ?? '';
    expect(invoice).not.toBe('');
    const confirm = await credence(['statement', 'confirm', buyer, '--as-of', AS_OF, '--by', 'anna', ...db]);
    expect([confirm.code, confirm.err]).toEqual([0, '']);
    const dispute = await credence([
      'statement',
      'dispute',
      buyer,
      '--as-of',
      AS_OF,
      '--doc',
      invoice,
      '--note',
      'goods returned',
      '--by',
      'anna',
      ...db,
    ]);
    expect([dispute.code, dispute.err]).toEqual([0, '']);
    // Another buyer's document, or a statement date after today, is refused; nothing is recorded.
    const other = key.accounts[1]?.buyerId ?? 'B00001';
    const wrong = await credence([
      'statement',
      'dispute',
      other,
      '--as-of',
      AS_OF,
      '--doc',
      invoice,
      '--note',
      'x',
      ...db,
    ]);
    expect(wrong.code).toBe(3);
    const future = await credence(['statement', 'confirm', buyer, '--as-of', '2026-07-31', ...db]);
    expect(future.code).toBe(3);
    const shown = await json<{ records: { kind: string; document?: string; note?: string; asOf: string }[] }>([
      'statement',
      'buyer',
      buyer,
      '--as-of',
      AS_OF,
    ]);
    expect(shown.records.map((r) => [r.kind, r.asOf, r.document ?? '', r.note ?? ''])).toEqual([
      ['sent', AS_OF, '', ''],
      ['confirmed', AS_OF, '', ''],
      ['disputed', AS_OF, invoice, 'goods returned'],
    ]);
  });
});
