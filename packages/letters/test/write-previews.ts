/**
 * Writes the sample letters as PDF, text and HTML for a look at the templates:
 * npx tsx packages/letters/test/write-previews.ts [out-dir] (default /tmp/letters).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LetterLanguage } from '@credence/app';
import { letterRenderer, previewLetter, type SampleVariant } from '../src/index';

const out = process.argv[2] ?? '/tmp/letters';
const languages: LetterLanguage[] = ['en', 'zh-CN', 'zh-TW', 'de', 'fr'];
const variants: SampleVariant[] = ['overdue', 'preDue', 'long', 'agency'];
const render = letterRenderer();

await mkdir(out, { recursive: true });
for (const language of languages) {
  for (const variant of variants) {
    const name = join(out, `${language}-${variant}`);
    const started = performance.now();
    const { pdf, html, subject, text } = await previewLetter(language, variant, render);
    const ms = Math.round(performance.now() - started);
    await writeFile(`${name}.pdf`, pdf);
    await writeFile(`${name}.txt`, `${subject}\n\n${text}`);
    await writeFile(`${name}.html`, html);
    console.log(`${name}.pdf  ${(pdf.length / 1024).toFixed(0)} KB  ${ms} ms`);
  }
}
