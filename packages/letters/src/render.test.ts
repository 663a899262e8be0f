import { readFileSync, writeFileSync } from 'node:fs';
import { formatRf, letterReference } from '@credence/core';
import { afterAll, describe, expect, it } from 'vitest';
import { testDir } from '../test/test-dir';
import { renderHtml } from './html';
import { loadTemplates, TemplateError } from './load-templates';
import { sampleLetter } from './sample-letter';
import { renderText } from './text';

const dir = testDir('letters');
afterAll(dir.cleanup);

describe('loadTemplates', () => {
  it('names the file and the problem', async () => {
    writeFileSync(dir.path('en.json'), '{ "subject": { "reminder": "x", }');
    writeFileSync(dir.path('de.json'), '{ "subject": { "reminder": ["x"] } }');
    const folder = dir.path('');
    await expect(loadTemplates('fr', folder)).rejects.toThrow(/fr\.json: no template file for language "fr"/);
    await expect(loadTemplates('en', folder)).rejects.toThrow(/en\.json: not valid JSON/);
    await expect(loadTemplates('de', folder)).rejects.toThrow(/de\.json: "subject\.reminder" must be a string/);
  });

  it('a message missing from an edited file, or using an unknown placeholder, fails the render with its key', async () => {
    const shipped = await loadTemplates('zh-CN');
    const json = JSON.parse(readFileSync(shipped.file, 'utf8'));
    writeFileSync(dir.path('zh-CN.json'), JSON.stringify({ ...json, dispute: undefined }));
    const letter = sampleLetter('zh-CN');
    const missing = await loadTemplates('zh-CN', dir.path(''));
    expect(() => renderText(letter, missing)).toThrow(TemplateError);
    expect(() => renderText(letter, missing)).toThrow(/zh-CN\.json: message "dispute" is missing/);
    writeFileSync(
      dir.path('zh-CN.json'),
      JSON.stringify({ ...json, subject: { ...json.subject, warning: '{amount}' } }),
    );
    const unknown = await loadTemplates('zh-CN', dir.path(''));
    expect(() => renderText(letter, unknown)).toThrow(/message "subject\.warning" uses \{amount\}, unknown there/);
    expect(() => renderText({ ...letter, language: 'en' }, shipped)).toThrow(/in en, the templates are zh-CN/);
  });
});

describe('renderHtml', () => {
  it('escapes everything the letter data brings', async () => {
    const base = sampleLetter('en');
    const letter = {
      ...base,
      debtor: { ...base.debtor, name: 'Smith & Sons <script>alert("x")</script>' },
      lines: base.lines.map((l, i) => (i === 0 ? { ...l, number: "INV-'7'<b>" } : l)),
    };
    const html = renderHtml(letter, await loadTemplates('en'));
    expect(html).toContain('Smith &amp; Sons &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('INV-&#39;7&#39;&lt;b&gt;');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
  });

  it('keeps references in running text on one line', async () => {
    const letter = sampleLetter('en', 'agency');
    const html = renderHtml(letter, await loadTemplates('en'));
    const payment = html.split('\n').find((line) => line.includes('Please pay the total amount'));
    expect(payment).toContain(`<span style="white-space:nowrap">${letter.id}</span>`);
    expect(html).toContain(`<title>Notice of referral to a collection agency from ${letter.creditor.name}`);
  });
});

describe('renderText', () => {
  it('lines the table and the credits up, counting Chinese characters as two columns', async () => {
    const { text } = renderText(sampleLetter('zh-TW'), await loadTemplates('zh-TW'));
    const table = text.split('\n').filter((line) => /^(單據編號|INV-)/.test(line));
    const width = (line: string) =>
      [...line].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
    const ends = table.map(width);
    expect(table.length).toBe(8);
    expect(new Set(ends).size).toBe(1);
    const credits = text.split('\n').filter((line) => /^ {2}(貸項通知單|已收到)/.test(line));
    expect(credits.length).toBe(2);
    expect(new Set(credits.map(width)).size).toBe(1);
  });
});

describe('the RF payment reference', () => {
  it.each(['en', 'zh-CN', 'zh-TW', 'de', 'fr'] as const)(
    '%s: printed under its label beside our reference',
    async (language) => {
      const letter = sampleLetter(language);
      const templates = await loadTemplates(language);
      const { text } = renderText(letter, templates);
      const label = {
        en: 'RF reference',
        'zh-CN': 'RF付款参考号',
        'zh-TW': 'RF付款參考號',
        de: 'RF-Referenz',
        fr: 'Référence RF',
      }[language];
      const rf = formatRf(letterReference(letter.id));
      expect(rf).toMatch(/^RF\d{2} (\w{4} ){3}\w{2}$/);
      expect(text).toMatch(new RegExp(`${label}\\s*:?\\s*${rf}`));
      expect(renderHtml(letter, templates)).toContain(rf);
    },
  );
});
