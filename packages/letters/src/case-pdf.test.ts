import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { CaseFile } from '@credence/app';
import { type CurrencyCode, date as d } from '@credence/core';
import { afterAll, describe, expect, it } from 'vitest';
import { testDir } from '../test/test-dir';
import { renderCaseFilePdf } from './case-pdf';
import { SAMPLE_CREDITOR } from './sample-letter';

// Needs pdftotext and pdfinfo (poppler-utils). pdftotext drops glyphs the font lacks, so finding a string proves it is drawn.
const dir = testDir('letters-case-pdf');
afterAll(dir.cleanup);

const NOTE = '客户财务总监表示资金紧张，四月底前无法付款，请勿再寄发票。';

const documents: CaseFile['documents'] = (
  [
    ['RE-2025-10412', 'EUR', '2025-10-02', '2025-11-01', '18450.00', '18450.00', '1033.42', '40.00'],
    ['RE-2025-10587', 'EUR', '2025-10-20', '2025-11-19', '7320.50', '3320.50', '168.20', '40.00'],
    ['RE-2025-11033', 'EUR', '2025-11-14', '2025-12-14', '12980.00', '12980.00', '487.95', '40.00'],
    ['RE-2025-11290', 'EUR', '2025-12-03', '2026-01-02', '2145.80', '2145.80', '65.73', '40.00'],
    ['RE-2026-00118', 'EUR', '2026-01-12', '2026-02-11', '9874.25', '9874.25', '207.70', '40.00'],
    ['RE-2025-10901', 'USD', '2025-11-05', '2025-12-05', '23600.00', '23600.00', '940.19', '0.00'],
    ['RE-2026-00204', 'USD', '2026-01-28', '2026-02-27', '4380.00', '4380.00', null, null],
  ] as const
).map(([number, currency, issued, due, amount, outstanding, interest, compensation]) => ({
  number,
  currency,
  issueDate: d(issued),
  dueDate: d(due),
  amount,
  outstanding,
  daysOverdue: Math.round((Date.parse('2026-04-30') - Date.parse(due)) / 86_400_000),
  interest,
  compensation,
  disputed: number === 'RE-2025-11033',
}));

const letter = (id: string, on: string, level: string, channel: string, by: string, deliveries: string[]) =>
  ({ id, date: d(on), level, channel, deadline: d(by), deliveries }) satisfies CaseFile['letters'][number];

const FILE: CaseFile = {
  asOf: d('2026-04-30'),
  level: 'agency',
  creditor: SAMPLE_CREDITOR,
  debtor: {
    id: 'KH-20417',
    name: '深圳市华瑞电子科技有限公司',
    address: ['深圳市南山区高新南七道18号', '邮编 518057'],
    country: 'CN',
    legalId: '91440300MA5F3K7Q2W',
    email: 'finance@huarui-tech.example',
  },
  interestBasis: { regime: 'de-b2b' },
  documents,
  totals: [
    {
      currency: 'EUR',
      outstanding: '46770.55',
      interest: '1963.00',
      compensation: '200.00',
      credits: '1200.00',
      total: '47733.55',
    },
    {
      currency: 'USD',
      outstanding: '27980.00',
      interest: '940.19',
      compensation: '0.00',
      credits: '0.00',
      total: '28920.19',
    },
  ],
  credits: [
    {
      kind: 'credit_note',
      reference: 'GS-2026-0031',
      date: d('2026-03-02'),
      currency: 'EUR' as CurrencyCode,
      amount: '1200.00',
    },
  ],
  letters: [
    letter('L-0412', '2026-01-15', 'reminder', 'email', '2026-01-29', ['2026-01-15 email: sent']),
    letter('L-0533', '2026-02-16', 'second', 'email', '2026-02-26', [
      '2026-02-16 email: bounced',
      '2026-02-17 print: written',
    ]),
    letter('L-0671', '2026-03-23', 'final', 'print', '2026-04-06', [
      '2026-03-23 print: written',
      '2026-03-26 print: delivered',
    ]),
  ],
  history: (
    [
      ['2026-01-20', 'payment', '', 'payment 4000.00 EUR for RE-2025-10587'],
      ['2026-02-20', 'dispute_opened', 'k.vogel', 'dispute on RE-2025-11033: quality, owner j.brandt'],
      ['2026-03-02', 'call', 'k.vogel', 'Ms Chen (finance): all invoices approved for payment except RE-2025-11033'],
      ['2026-03-02', 'promise_made', 'k.vogel', 'promise to pay 20000.00 EUR by 2026-03-16 for RE-2025-10412'],
      ['2026-03-20', 'promise_broken', 'system', 'promise broken: dunning escalated'],
      ['2026-03-20', 'credit_hold', 'm.schulz', 'deliveries stopped until the overdue balance is paid'],
      ['2026-04-08', 'note', 'k.vogel', NOTE],
    ] as const
  ).map(([on, kind, by, summary]) => ({ date: d(on), kind, ...(by ? { by } : {}), summary, params: {} })),
};

/** The PDF's text with all white space (and no-break spaces) removed, so line wrapping does not matter. */
function pdfText(pdf: Buffer, name: string, pages: string[] = []): string {
  writeFileSync(dir.path(`${name}.pdf`), pdf);
  const text = execFileSync('pdftotext', [...pages, '-enc', 'UTF-8', dir.path(`${name}.pdf`), '-'], {
    encoding: 'utf8',
  });
  return text.replace(/\s+/g, '');
}

describe('renderCaseFilePdf', () => {
  it('draws the parties, every document, the totals and the history, Chinese included', async () => {
    const pdf = await renderCaseFilePdf(FILE);
    const text = pdfText(pdf, 'case');
    expect(text).toContain('Collectioncasefile—深圳市华瑞电子科技有限公司');
    expect(text).toContain('KH-20417-2026-04-30-agency');
    expect(text).toContain('深圳市南山区高新南七道18号');
    for (const doc of FILE.documents) expect(text).toContain(doc.number);
    expect(text).toContain('DISPUTED');
    for (const total of [
      '46,770.55EUR',
      '1,963.00EUR',
      '1,200.00EUR',
      '47,733.55EUR',
      'GS-2026-0031',
      '27,980.00USD',
      '28,920.19USD',
    ])
      expect(text).toContain(total);
    expect(text).toContain('n/a');
    expect(text).toContain('§288(2)BGB');
    expect(text).toContain('2026-03-26print:delivered');
    expect(text).toContain('promisebroken');
    expect(text).toContain(NOTE);
  });

  it('flows a long case over pages, repeating the table header', async () => {
    const many = Array.from({ length: 8 }, (_, k) => documents.map((x) => ({ ...x, number: `${x.number}-${k}` })));
    const long: CaseFile = { ...FILE, level: 'legal', interestBasis: { regime: 'contract', contractRate: '9%/year' } };
    const pdf = await renderCaseFilePdf({
      ...long,
      documents: many.flat(),
      history: [...FILE.history, ...FILE.history],
    });
    const text = pdfText(pdf, 'long');
    for (const x of many.flat()) expect(text).toContain(x.number);
    expect(text).toContain('contractuallyagreedrateof9%/year');
    const second = pdfText(pdf, 'long-2', ['-f', '2', '-l', '2']);
    expect(second).toContain('DocumentIssuedDue');
    expect(second).toMatch(/Page2of[3-9]/);
  });

  it('gives the same bytes for the same case file, dated by it, on A4', async () => {
    const [a, b] = [await renderCaseFilePdf(FILE), await renderCaseFilePdf(FILE)];
    expect(a.equals(b)).toBe(true);
    writeFileSync(dir.path('same.pdf'), a);
    const info = execFileSync('pdfinfo', ['-rawdates', dir.path('same.pdf')], { encoding: 'utf8' });
    expect(info).toMatch(/Title:\s+Collection case file — 深圳市华瑞电子科技有限公司/);
    expect(info).toMatch(/CreationDate:\s+D:20260430000000Z/);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
  });
});
