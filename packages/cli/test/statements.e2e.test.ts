import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { credence, tempDir } from './harness';

const tmp = tempDir('statements');
afterAll(() => tmp.cleanup());
const db = join(tmp.dir, 'db');
const file = (name: string, text: string) => {
  const f = join(tmp.dir, name);
  writeFileSync(f, text);
  return f;
};

describe('credence import statements + buyer show', () => {
  it('imports statements in thousands and shows the ratios of the latest year known at the date', async () => {
    const buyers = file(
      'b.csv',
      'buyer_id,name,country,currency,payment_terms_days\nB1,Nordwind Handel GmbH,DE,EUR,30\n',
    );
    expect((await credence(['import', 'buyers', buyers, '--db', db])).code).toBe(0);
    const statements = file(
      's.csv',
      'buyer_id,fiscal_year,period_end,currency,unit,current_assets,inventory,short_term_liabilities,long_term_liabilities,total_assets,equity,retained_earnings,operating_profit,interest_expense,sales,net_profit\n' +
        'B1,2024,2024-12-31,EUR,1000,850,250,500,700,2000,800,450,240,60,3650,140\n' +
        'B1,2023,2023-12-31,EUR,1000,800,240,450,720,1900,700,380,200,55,3320,110\n',
    );
    const imp = await credence(['import', 'statements', statements, '--db', db]);
    expect([imp.code, imp.err]).toEqual([0, '']);
    expect(imp.out).toContain('2 new');

    const text = await credence(['buyer', 'show', 'B1', '--as-of', '2025-06-30', '--db', db]);
    expect(text.out).toContain('Financials: fiscal year 2024 (ended 2024-12-31, EUR)');
    expect(text.out).toMatch(/Current ratio\s+1\.70/);
    expect(text.out).toMatch(/Quick ratio\s+1\.20/);
    expect(text.out).toMatch(/Interest coverage\s+4\.00/);
    expect(text.out).toMatch(/Receivable days\s+n\/a \(not reported: receivables\)/);
    expect(text.out).toMatch(
      /Risk grade \d+ \((low|medium|high) risk\), PD \d+\.\d\d %, confidence \w+; missing: payment history, external grade/,
    );
    expect(text.out).toMatch(
      /\n {2}Financial statements of 2024: the model puts the default risk at \d+(\.\d+)?% \(\d+ of 64 inputs not reported\)\n/,
    );
    expect(text.out).toMatch(/Altman Z''\s+3\.39 \(safe\)/);
    expect(text.out).toMatch(
      /Financial PD \(default model, fiscal year 2024, \d+ of 64 inputs not available\): \d+\.\d\d %/,
    );
    expect(text.out).toMatch(/\n {2}[+−]\d\.\d\d {2}[A-Z][^\n]* \([^\n]+\) (raised|lowered) the default risk\n/);
    expect(text.out).not.toMatch(/Attr\d+|financial_pd/);

    // The same reasons in Chinese: --lang, else the company settings' language.
    const zh = await credence(['buyer', 'show', 'B1', '--as-of', '2025-06-30', '--lang', 'zh-CN', '--db', db]);
    expect(zh.out).toMatch(/\n {2}2024 年度财务报表：模型估计的违约概率为 \d+(\.\d+)?%/);
    expect(zh.out).toMatch(/\n {2}[+−]\d\.\d\d {2}\S+（[^\n]+）(提高|降低)了违约风险\n/);
    const company = file('company.json', JSON.stringify({ language: 'zh-TW' }));
    const tw = await credence(['buyer', 'show', 'B1', '--as-of', '2025-06-30', '--db', db], {
      CREDENCE_COMPANY: company,
    });
    expect(tw.out).toContain('2024 年度財務報表');
    const bad = await credence(['buyer', 'show', 'B1', '--lang', 'de', '--db', db]);
    expect([bad.code, bad.err]).toEqual([2, expect.stringContaining('choose en, zh-CN, zh-TW')]);

    // Before the 2024 accounts closed, the 2023 ones are the latest, with no prior year for growth.
    const json = await credence(['buyer', 'show', 'B1', '--as-of', '2024-06-30', '--format', 'json', '--db', db]);
    const f = (
      JSON.parse(json.out) as {
        financials: {
          fiscalYear: number;
          ratios: Record<string, unknown>;
          pd: { pd: number; fiscalYear: number; reasons: { feature: string; contribution: number; text: string }[] };
        };
      }
    ).financials;
    // JSON keeps the codes and numbers and adds the sentence.
    const first = f.pd.reasons[0];
    expect(first?.feature).toMatch(/^Attr\d+$/);
    expect(first?.text).toMatch(/ (raised|lowered) the default risk$/);
    const grade = (JSON.parse(json.out) as { grade: { reasons: { code: string; logOdds: number; text: string }[] } })
      .grade;
    expect(grade.reasons[0]).toEqual(expect.objectContaining({ code: 'financial_pd', text: expect.any(String) }));
    expect(grade.reasons[0]?.text).toMatch(/^Financial statements of 2023: /);
    expect(f.pd.fiscalYear).toBe(2023);
    expect(f.pd.pd).toBeGreaterThan(0);
    expect(f.pd.pd).toBeLessThan(1);
    expect(f.fiscalYear).toBe(2023);
    expect(f.ratios.currentRatio).toBeCloseTo(800 / 450, 12);
    expect(f.ratios.salesGrowth).toEqual({ unavailable: 'no_prior_year', lines: ['sales'] });
  });

  it('grade run records every buyer and prints the distribution', async () => {
    const r = await credence(['grade', 'run', '--as-of', '2025-06-30', '--format', 'json', '--db', db]);
    expect([r.code, r.err]).toEqual([0, '']);
    const run = JSON.parse(r.out) as { graded: number; byGrade: number[]; byConfidence: Record<string, number> };
    expect(run.graded).toBe(1);
    expect(run.byGrade.reduce((a, b) => a + b, 0)).toBe(1);
    const table = await credence(['grade', 'run', '--as-of', '2025-06-30', '--db', db]);
    expect(table.out).toContain('Graded 1 buyers as of 2025-06-30');
    expect(table.out).toMatch(/Grade +Tier +Buyers +Share/);
    const show = await credence(['grade', 'show', 'B1', '--as-of', '2025-07-31', '--lang', 'zh-TW', '--db', db]);
    expect([show.code, show.err]).toEqual([0, '']);
    expect(show.out).toMatch(/^B1, graded as of 2025-06-30\n\nRisk grade \d+ /);
    expect(show.out).toContain('\n  2024 年度財務報表：模型估計的違約機率為 ');
    const showJson = await credence(['grade', 'show', 'B1', '--as-of', '2025-07-31', '--format', 'json', '--db', db]);
    const shown = JSON.parse(showJson.out) as { asOf: string; grade: { reasons: { code: string; text: string }[] } };
    expect(shown.asOf).toBe('2025-06-30');
    expect(shown.grade.reasons[0]?.text).toMatch(/^Financial statements of 2024: /);
    const none = await credence(['grade', 'show', 'B1', '--as-of', '2025-01-01', '--db', db]);
    expect([none.code, none.err.trim()]).toEqual([4, 'credence: recorded grade "B1" not found']);
    const bad = await credence(['grade', 'run', '--policy', file('p.json', '{"basePd": 3}'), '--db', db]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('basePd');
  });

  it('rejects a file with a bad unit and imports nothing', async () => {
    const bad = file(
      'bad.csv',
      'buyer_id,fiscal_year,period_end,currency,unit,sales\nB1,2022,2022-12-31,EUR,thousand,1\nB1,2021,2021-12-31,EUR,1,1\n',
    );
    const r = await credence(['import', 'statements', bad, '--db', db]);
    expect(r.code).toBe(3);
    expect(r.err).toContain('row 2, column unit, value "thousand": the unit must be 1, 1000 or 1000000');
    const show = await credence(['buyer', 'show', 'B1', '--as-of', '2021-12-31', '--db', db]);
    expect(show.out).not.toContain('Financials');
  });
});
