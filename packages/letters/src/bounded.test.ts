import type { Letter } from '@credence/app';
import { describe, expect, it } from 'vitest';
import { boundedForRendering } from './bounded';
import { loadTemplates } from './load-templates';
import { renderPdf } from './pdf';
import { sampleLetter } from './sample-letter';
import { renderText } from './text';

const HUGE = 'Acme Holdings '.repeat(7200).slice(0, 100_000);

/** A letter as legacy data can make it: a 100,000-character name, address line, document number and e-mail. */
function legacyLetter(): Letter {
  const letter = sampleLetter('en');
  return {
    ...letter,
    debtor: { ...letter.debtor, name: HUGE, address: [HUGE, ...letter.debtor.address], email: `${HUGE}@x.example` },
    lines: letter.lines.map((l, i) => (i === 0 ? { ...l, number: HUGE } : l)),
  };
}

describe('boundedForRendering', () => {
  it('leaves a normal letter as it is', () => {
    const letter = sampleLetter('de');
    expect(boundedForRendering(letter)).toEqual(letter);
  });

  it('cuts over-long stored fields with an ellipsis, each to its limit', () => {
    const b = boundedForRendering(legacyLetter());
    expect(b.debtor.name).toBe(`${HUGE.slice(0, 199)}…`);
    expect(b.debtor.address[0]).toHaveLength(500);
    expect(b.debtor.address[0]?.endsWith('…')).toBe(true);
    expect(b.debtor.email?.length).toBe(254);
    expect(b.lines[0]?.number).toHaveLength(200);
    expect(b.lines.slice(1)).toEqual(sampleLetter('en').lines.slice(1));
    const many = boundedForRendering({ address: Array.from({ length: 50 }, (_, i) => `line ${i}`) });
    expect(many.address).toHaveLength(10);
  });

  it('keeps a letter with a 100,000-character name small: the PDF under 60 KB (154 KB uncut), the text a few KB (1 MB uncut)', async () => {
    const templates = await loadTemplates('en');
    const started = performance.now();
    const pdf = await renderPdf(legacyLetter(), templates);
    const ms = performance.now() - started;
    const { text } = renderText(legacyLetter(), templates);
    console.log(`legacy 100,000-character letter: PDF ${(pdf.length / 1024).toFixed(0)} KB in ${ms.toFixed(0)} ms`);
    expect(pdf.length).toBeLessThan(60 * 1024);
    expect(text.length).toBeLessThan(10_000);
    expect(text).toContain(`${HUGE.slice(0, 199)}…`);
  });
});
