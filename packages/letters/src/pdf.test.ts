import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { LetterLanguage } from '@credence/app';
import { formatRf, isValidRf, letterReference } from '@credence/core';
import PDFDocument from 'pdfkit';
import { afterAll, describe, expect, it } from 'vitest';
import { testDir } from '../test/test-dir';
import { message } from './fill';
import { formatAmount, isZero } from './format';
import { loadTemplates } from './load-templates';
import { renderPdf } from './pdf';
import { endPdf, openPdf } from './pdf-document';
import { pdfFonts } from './pdf-fonts';
import { paragraph } from './pdf-layout';
import { sampleLetter } from './sample-letter';

// Needs pdftotext (poppler-utils). pdftotext drops glyphs the font lacks, so finding a string proves it is drawn.
const dir = testDir('letters-pdf');
afterAll(dir.cleanup);

/** The PDF's text (optionally of some pages) with all white space removed, so line wrapping does not matter. */
function pdfText(pdf: Buffer, name: string, pages: string[] = []): string {
  const file = dir.path(`${name}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', [...pages, '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}
const squeeze = (s: string) => s.replace(/\s+/g, '');

describe('renderPdf', () => {
  it.each([
    [
      'zh-CN',
      [
        '逾期付款催告函',
        '深圳市华瑞电子科技有限公司',
        '应付总额',
        '开户银行',
        '浦江商业银行张江支行',
        '冻结贵司客户账户',
      ],
    ],
    [
      'zh-TW',
      ['逾期付款催告函', '高雄海達貿易有限公司', '應付總額', '銀行名稱', '中台商業銀行西屯分行', '凍結貴公司客戶帳戶'],
    ],
  ] as const)('draws %s text with the glyphs embedded', async (language, phrases) => {
    const letter = sampleLetter(language);
    const templates = await loadTemplates(language);
    const text = pdfText(await renderPdf(letter, templates), language);
    for (const phrase of phrases) expect(text).toContain(phrase);
    for (const line of letter.lines) expect(text).toContain(line.number);
    expect(letter.credits.length).toBe(2);
    for (const credit of letter.credits) {
      if (credit.reference) expect(text).toContain(credit.reference);
      expect(text).toContain(squeeze(formatAmount(credit.amount, credit.currency, language)));
    }
    expect(text).toContain(squeeze(message(templates, 'credits.intro')));
    const credited = letter.totals.filter((t) => !isZero(t.credits));
    expect(credited.length).toBe(1);
    for (const t of credited) expect(text).toContain(squeeze(formatAmount(`-${t.credits}`, t.currency, language)));
    expect(text).toContain('123,939.28');
    expect(text).toContain('2026年3月29日');
  });

  it('flows a long table over pages, repeating its header, and numbers the pages', async () => {
    const letter = sampleLetter('zh-CN', 'long');
    const templates = await loadTemplates('zh-CN');
    const pdf = await renderPdf(letter, templates);
    const text = pdfText(pdf, 'long');
    for (const line of letter.lines) expect(text).toContain(line.number);
    expect(letter.credits).toEqual([]);
    expect(text).not.toContain(squeeze(message(templates, 'credits.intro')));
    expect(text).not.toContain(squeeze(message(templates, 'totals.credits')));
    const second = pdfText(pdf, 'long-2', ['-f', '2', '-l', '2']);
    expect(second).toContain('单据编号');
    expect(second).toContain('第2页，共2页');
  });

  it('gives the same bytes for the same letter, with its metadata', async () => {
    const letter = sampleLetter('en', 'preDue');
    const templates = await loadTemplates('en');
    const [a, b] = [await renderPdf(letter, templates), await renderPdf(letter, templates)];
    expect(a.equals(b)).toBe(true);
    writeFileSync(dir.path('same.pdf'), a);
    const info = execFileSync('pdfinfo', ['-rawdates', dir.path('same.pdf')], { encoding: 'utf8' });
    expect(info).toMatch(/Title:\s+Payment reminder from Nordwerk Industriebedarf GmbH – reference DL-2026-0042/);
    expect(info).toMatch(/Author:\s+Nordwerk Industriebedarf GmbH/);
    expect(info).toMatch(/CreationDate:\s+D:20260315000000Z/);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
  });
});

describe('the sample letters as PDF', () => {
  const count = (text: string, part: string) => text.split(part).length - 1;
  const cases = (['en', 'zh-CN', 'zh-TW', 'de', 'fr'] as const).flatMap((language) =>
    (['overdue', 'preDue', 'agency'] as const).map((variant) => [language, variant] as const),
  );

  it.each(cases)('%s %s: one page, no reference split across lines', async (language, variant) => {
    const letter = sampleLetter(language, variant);
    const templates = await loadTemplates(language);
    const file = dir.path(`fit-${language}-${variant}.pdf`);
    writeFileSync(file, await renderPdf(letter, templates));
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);
    const raw = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    const flat = squeeze(raw);
    const references = [
      letter.id,
      letter.debtor.id,
      ...letter.lines.map((l) => l.number),
      ...letter.credits.flatMap((c) => (c.reference ? [c.reference] : [])),
    ];
    // The letter's RF reference (ISO 11649) in its printed groups of four, on one line, and valid.
    const rf = letterReference(letter.id);
    expect(isValidRf(rf)).toBe(true);
    expect(raw).toContain(formatRf(rf));
    for (const reference of references) {
      // Every occurrence of the reference is whole on one line (a split one is only found with the breaks removed),
      // with plain hyphens as the reader copies them.
      expect(count(flat, reference)).toBeGreaterThan(0);
      expect(count(raw, reference)).toBe(count(flat, reference));
    }
    const agencyTitle = squeeze(
      message(templates, 'subject.agency', { creditor: letter.creditor.name, reference: letter.id }),
    );
    if (variant === 'agency') expect(flat).toContain(agencyTitle);
    else expect(flat).not.toContain(agencyTitle);
  });

  it('never ends a line inside a reference, wherever in a paragraph it falls', async () => {
    const { doc, done } = await openPdf({ lang: 'en', title: 't', author: 'a', subject: 's', date: '2026-03-15' });
    const reference = 'L-20261207-B00003-formal';
    // The reference moves along the line by one short word at a time, so it reaches the right margin somewhere.
    for (let k = 0; k < 30; k++) paragraph(doc, `${'Pay '.repeat(k)}quoting ${reference} by the date.`);
    endPdf(doc);
    const file = dir.path('references.pdf');
    writeFileSync(file, await done);
    const raw = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(count(raw, reference)).toBe(30);
  });

  it('embeds Noto Sans TC in zh-TW letters and Noto Sans SC in the others', async () => {
    const fonts = async (language: LetterLanguage) => {
      const file = dir.path(`fonts-${language}.pdf`);
      writeFileSync(file, await renderPdf(sampleLetter(language), await loadTemplates(language)));
      return execFileSync('pdffonts', [file], { encoding: 'utf8' });
    };
    const tw = await fonts('zh-TW');
    expect(tw).toMatch(/NotoSansTC/);
    expect(tw).not.toMatch(/NotoSansSC/);
    for (const language of ['zh-CN', 'en'] as const) {
      const other = await fonts(language);
      expect(other).toMatch(/NotoSansSC/);
      expect(other).not.toMatch(/NotoSansTC/);
    }
  });
});

describe('the letter font', () => {
  it.each(['en', 'zh-CN', 'zh-TW', 'de', 'fr'] satisfies LetterLanguage[])(
    'has a glyph for every character of the %s templates',
    async (language) => {
      const templates = await loadTemplates(language);
      const all = [...templates.messages.values()].join('\n');
      const text = pdfText(await specimen(all, language), `specimen-${language}`);
      const lost = [...new Set(squeeze(all))].filter((ch) => !text.includes(ch));
      expect(lost).toEqual([]);
    },
  );
});

/** A PDF of the text in the letter font of the language, regular and bold. */
async function specimen(text: string, language: LetterLanguage): Promise<Buffer> {
  const fonts = await pdfFonts(language);
  const doc = new PDFDocument({ size: 'A4' });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.font(fonts.regular).fontSize(8).text(text).font(fonts.bold).text(text);
  doc.end();
  return done;
}
