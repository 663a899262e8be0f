import type { Letter, LetterLanguage } from '@credence/app';
import { type LetterRenderer, letterRenderer } from './renderer';
import { type SampleVariant, sampleLetter } from './sample-letter';

/** A letter rendered every way: the PDF's bytes, the HTML page, the plain-text e-mail. */
export interface RenderedLetter {
  readonly letter: Letter;
  readonly pdf: Buffer;
  readonly html: string;
  readonly subject: string;
  readonly text: string;
}

/** Renders one letter every way (for a preview: the server's, a look at edited templates). */
export async function renderAll(letter: Letter, render: LetterRenderer = letterRenderer()): Promise<RenderedLetter> {
  const [pdf, html, { subject, text }] = await Promise.all([
    render.pdf(letter),
    render.html(letter),
    render.text(letter),
  ]);
  return { letter, pdf, html, subject, text };
}

/**
 * A sample letter (sample-letter.ts: realistic parties, two currencies) in a language and variant, rendered every
 * way: what the templates look like without any data of one's own.
 */
export const previewLetter = (
  language: LetterLanguage,
  variant: SampleVariant = 'overdue',
  render?: LetterRenderer,
): Promise<RenderedLetter> => renderAll(sampleLetter(language, variant), render);
