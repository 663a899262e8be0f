import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { testDir } from '../test/test-dir';
import { shippedTemplatesDir } from './load-templates';
import { lettersPath } from './package-dir';
import { previewLetter } from './preview';
import { letterRenderer } from './renderer';
import { sampleLetter } from './sample-letter';

const dir = testDir('letters-renderer');
afterAll(dir.cleanup);

describe('the shipped files', () => {
  it('are found in packages/letters through the package, wherever the code runs', () => {
    const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');
    expect(lettersPath('package.json')).toBe(join(pkg, 'package.json'));
    expect(shippedTemplatesDir()).toBe(join(pkg, 'templates'));
  });
});

describe('letterRenderer', () => {
  it('loads each language once and returns the PDF as bytes, the HTML and the text as strings', async () => {
    const render = letterRenderer();
    expect(render.templates('de')).toBe(render.templates('de'));
    const letter = sampleLetter('de', 'preDue');
    const pdf = await render.pdf(letter);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(await render.html(letter)).toMatch(/^<!DOCTYPE html>/i);
    const { subject, text } = await render.text(letter);
    expect(subject).toContain(letter.creditor.name);
    expect(text).toContain(letter.debtor.name);
  });

  it('renders with the templates of a directory given', async () => {
    const en = JSON.parse(readFileSync(join(shippedTemplatesDir(), 'en.json'), 'utf8'));
    writeFileSync(dir.path('en.json'), JSON.stringify({ ...en, dispute: 'Questions? Call us, we are nice.' }));
    const { text } = await letterRenderer(dir.path('')).text(sampleLetter('en'));
    expect(text).toContain('Questions? Call us, we are nice.');
  });
});

describe('previewLetter', () => {
  it('renders a sample letter every way, in its own language', async () => {
    const p = await previewLetter('zh-TW', 'agency');
    expect(p.letter.language).toBe('zh-TW');
    expect(p.pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(p.html).toContain(p.letter.debtor.name);
    expect(p.text).toContain(p.letter.debtor.name);
    expect(p.subject.length).toBeGreaterThan(0);
  });
});
