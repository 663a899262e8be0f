/**
 * Renders the sample letters to PDF, text and HTML for a look at the templates:
 * npx tsx packages/cli/src/letters/preview.ts [out-dir] (default /tmp/letters).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LetterLanguage } from '@credence/app';
import { loadTemplates, renderHtml, renderPdf, renderText } from './index';
import { type SampleVariant, sampleLetter } from './sample-letter';

const out = process.argv[2] ?? '/tmp/letters';
const languages: LetterLanguage[] = ['en', 'zh-CN', 'zh-TW', 'de', 'fr'];
const variants: SampleVariant[] = ['overdue', 'preDue', 'long', 'agency'];

await mkdir(out, { recursive: true });
for (const language of languages) {
  const templates = await loadTemplates(language);
  for (const variant of variants) {
    const letter = sampleLetter(language, variant);
    const name = join(out, `${language}-${variant}`);
    const started = performance.now();
    const pdf = await renderPdf(letter, templates);
    const ms = Math.round(performance.now() - started);
    const { subject, text } = renderText(letter, templates);
    await writeFile(`${name}.pdf`, pdf);
    await writeFile(`${name}.txt`, `${subject}\n\n${text}`);
    await writeFile(`${name}.html`, renderHtml(letter, templates));
    console.log(`${name}.pdf  ${(pdf.length / 1024).toFixed(0)} KB  ${ms} ms`);
  }
}
