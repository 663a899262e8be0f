import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credence, tempDir } from './harness';

const tmp = tempDir('limits');
afterAll(() => tmp.cleanup());
const db = join(tmp.dir, 'db');
const today = { CREDENCE_TODAY: '2025-07-01' };

beforeAll(async () => {
  const buyers = join(tmp.dir, 'b.csv');
  writeFileSync(buyers, 'buyer_id,name,country,currency,payment_terms_days\nB1,Nordwind Handel GmbH,DE,EUR,30\n');
  expect((await credence(['import', 'buyers', buyers, '--db', db])).code).toBe(0);
  const st = join(tmp.dir, 's.csv');
  writeFileSync(
    st,
    'buyer_id,fiscal_year,period_end,currency,unit,current_assets,short_term_liabilities,total_assets,equity\n' +
      'B1,2024,2024-12-31,EUR,1000,850,500,2000,800\n',
  );
  expect((await credence(['import', 'statements', st, '--db', db])).code).toBe(0);
});

describe('credence limit', () => {
  it('recommends with the figures shown, from expected sales for a new buyer', async () => {
    const r = await credence(
      ['limit', 'recommend', 'B1', '--expected-monthly-sales', '40000', '--format', 'json', '--db', db],
      today,
    );
    expect([r.code, r.err]).toEqual([0, '']);
    const advice = JSON.parse(r.out) as {
      grade: { grade: number };
      recommendation: {
        amount: string;
        decidedBy: string;
        figures: { method: string; amount: string; params: Record<string, unknown>; text: string }[];
      };
    };
    // Need: 40,000 × 45 / 30 = 60,000 + 20 % = 72,000; the balance-sheet caps depend on the grade.
    expect(advice.recommendation.figures[0]).toEqual(
      expect.objectContaining({ method: 'expected_exposure', amount: '72000.00' }),
    );
    expect(advice.recommendation.figures.map((f) => f.method)).toEqual([
      'expected_exposure',
      'net_worth',
      'working_capital',
    ]);
    expect(Number(advice.recommendation.amount)).toBeLessThanOrEqual(72000);
    // JSON keeps the method and the figures (basis points) and adds the sentence, in percent and money.
    expect(advice.recommendation.figures[0]?.params.headroomBp).toBe(2000);
    expect(advice.recommendation.figures[0]?.text).toBe(
      'Expected exposure: monthly sales of EUR 40,000.00 over 45 days of terms and grace, plus 20% headroom: EUR 72,000.00',
    );
    const table = await credence(
      ['limit', 'recommend', 'B1', '--expected-monthly-sales', '40000', '--lang', 'zh-TW', '--db', db],
      today,
    );
    expect(table.out).toContain(
      '預期曝險：月銷售額 EUR 40,000.00，付款期限加寬限期 45 天，另加 20% 餘裕：EUR 72,000.00',
    );
    expect(table.out).toMatch(/淨值上限：評等 \d+ 可用淨值的 \d+(\.\d+)?%：EUR [\d,]+\.00/);
    expect(table.out).not.toMatch(/Bp|headroom/);
  });

  it('requests, refuses self-approval (exit 3), approves, sets a temporary limit and shows the trail', async () => {
    const req = await credence(
      [
        'limit',
        'request',
        '--buyer',
        'B1',
        '--amount',
        '60000',
        '--currency',
        'EUR',
        '--by',
        'sam',
        '--reason',
        'new contract',
        '--db',
        db,
      ],
      today,
    );
    expect(req.out).toMatch(/Limit request #(\d+) recorded/);
    const id = /#(\d+)/.exec(req.out)?.[1] ?? '';
    const self = await credence(
      ['limit', 'approve', id, '--buyer', 'B1', '--by', 'sam', '--reason', 'ok', '--db', db],
      today,
    );
    expect(self.code).toBe(3);
    expect(self.err).toContain('four eyes');
    const badAmount = await credence(
      ['limit', 'approve', id, '--buyer', 'B1', '--by', 'chief', '--reason', 'ok', '--amount', '1.234', '--db', db],
      today,
    );
    expect([badAmount.code, badAmount.err.trim()]).toEqual([
      2,
      'credence: "1.234" is not an amount of zero or more in EUR',
    ]);
    const ok = await credence(
      [
        'limit',
        'approve',
        id,
        '--buyer',
        'B1',
        '--by',
        'chief',
        '--reason',
        'grade ok',
        '--amount',
        '50000',
        '--db',
        db,
      ],
      today,
    );
    expect(ok.code).toBe(0);
    const temp = await credence(
      [
        'limit',
        'set',
        '--buyer',
        'B1',
        '--amount',
        '80000',
        '--currency',
        'EUR',
        '--by',
        'chief',
        '--reason',
        'peak',
        '--until',
        '2025-07-31',
        '--db',
        db,
      ],
      today,
    );
    expect(temp.code).toBe(0);
    const july = await credence(['limit', 'show', 'B1', '--as-of', '2025-07-15', '--db', db], today);
    expect(july.out).toContain('Limit in force on 2025-07-15: EUR 80000.00 (temporary until 2025-07-31');
    expect(july.out).toMatch(/request +EUR +60000\.00 .* by sam: new contract/);
    const august = await credence(
      ['limit', 'show', 'B1', '--as-of', '2025-08-01', '--format', 'json', '--db', db],
      today,
    );
    expect(JSON.parse(august.out).current).toMatchObject({ amount: '5000000', kind: 'approved', approvedBy: 'chief' });
  });
});

describe('credence credit check', () => {
  it('approves within the limit, refers over it, holds a buyer on hold; JSON as documented', async () => {
    // The limit in force on 2025-07-01 is the temporary EUR 80,000.00 set above.
    const add = await credence(
      [
        'order',
        'add',
        '--id',
        'O1',
        '--buyer',
        'B1',
        '--date',
        '2025-06-20',
        '--amount',
        '50000',
        '--currency',
        'EUR',
        '--db',
        db,
      ],
      today,
    );
    expect([add.code, add.out.trim()]).toEqual([0, 'Order O1 recorded.']);
    const within = await credence(
      ['credit', 'check', '--buyer', 'B1', '--amount', '12000.00', '--currency', 'EUR', '--db', db],
      today,
    );
    expect(within.out).toMatch(/^APPROVE: order of EUR 12000\.00 for B1 as of 2025-07-01/);
    const over = await credence(
      ['credit', 'check', '--buyer', 'B1', '--amount', '40000.00', '--currency', 'EUR', '--format', 'json', '--db', db],
      today,
    );
    const j = JSON.parse(over.out) as {
      decision: string;
      reasons: { code: string; params: { by: string } }[];
      exposure: { afterOrder: string };
    };
    expect(j.decision).toBe('refer');
    expect(j.reasons).toEqual([
      {
        code: 'over_limit',
        params: { by: '10000.00', limit: '80000.00' },
        text: 'The order takes the exposure EUR 10,000.00 over the limit of EUR 80,000.00',
      },
    ]);
    expect(j.exposure.afterOrder).toBe('90000.00');
    expect(
      (await credence(['buyer', 'hold', 'B1', '--reason', 'bounced', '--by', 'chief', '--db', db], today)).code,
    ).toBe(0);
    const held = await credence(
      ['credit', 'check', '--buyer', 'B1', '--amount', '1.00', '--currency', 'EUR', '--db', db],
      today,
    );
    expect(held.out).toMatch(/^HOLD: .*\n {2}On credit hold since 2025-07-01 \(chief: bounced\)\n/);
    const heldZh = await credence(
      ['credit', 'check', '--buyer', 'B1', '--amount', '1.00', '--currency', 'EUR', '--lang', 'zh-CN', '--db', db],
      today,
    );
    expect(heldZh.out).toContain('\n  自 2025-07-01 起暂停供货（chief：bounced）\n');
    const heldJson = await credence(
      ['credit', 'check', '--buyer', 'B1', '--amount', '1.00', '--currency', 'EUR', '--format', 'json', '--db', db],
      today,
    );
    expect(JSON.parse(heldJson.out).reasons[0]).toEqual({
      code: 'credit_hold',
      params: { reason: 'bounced', since: '2025-07-01', by: 'chief' },
      text: 'On credit hold since 2025-07-01 (chief: bounced)',
    });
    const bad = await credence(
      [
        'order',
        'add',
        '--id',
        'O2',
        '--buyer',
        'B1',
        '--date',
        '2025-06-20',
        '--amount',
        '1',
        '--currency',
        'EUR',
        '--status',
        'lost',
        '--db',
        db,
      ],
      today,
    );
    expect([bad.code, bad.err.trim()]).toEqual([
      3,
      'credence: --status, value "lost": must be one of open, delivered, invoiced, cancelled',
    ]);
  });
});

describe('credence review due', () => {
  it('lists the buyers due for a credit review with the reasons', async () => {
    const r = await credence(
      ['review', 'due', '--as-of', '2025-07-01', '--all', '--format', 'json', '--db', db],
      today,
    );
    expect(r.code).toBe(0);
    type Review = { buyerId: string; lastReview: string; cadence: string; reasons: string[]; reasonTexts: string[] };
    const reviews = (JSON.parse(r.out) as { reviews: Review[] }).reviews;
    expect(reviews.map((x) => [x.buyerId, x.lastReview])).toEqual([['B1', '2025-07-01']]);
    expect(reviews[0]?.reasonTexts).toHaveLength(reviews[0]?.reasons.length ?? -1);
    const table = await credence(['review', 'due', '--as-of', '2025-07-01', '--db', db], today);
    expect(table.out).toMatch(/^\d+ of 1 buyers due for a credit review as of 2025-07-01/);
    // A year after the last decision the annual review is due, and says so in words.
    const later = await credence(['review', 'due', '--as-of', '2026-08-01', '--lang', 'zh-TW', '--db', db], today);
    expect(later.out).toContain('年度覆核：上次信用決定為 2025-07-01，已滿一年');
  });
});
