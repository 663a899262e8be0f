import type { CaseFile, Letter, LetterLanguage } from '@credence/app';
import { renderCaseFilePdf } from './case-pdf';
import { renderHtml } from './html';
import { loadTemplates, type Templates } from './load-templates';
import { renderPdf } from './pdf';
import { renderText } from './text';

/**
 * Renders letters in their language, loading each language's templates once (from `templatesDir`, default the
 * shipped ones). Everything is returned, nothing written: the PDF as bytes, the HTML and text as strings.
 */
export function letterRenderer(templatesDir?: string) {
  const cache = new Map<LetterLanguage, Promise<Templates>>();
  const templates = (language: LetterLanguage): Promise<Templates> => {
    let t = cache.get(language);
    if (t === undefined) {
      t = loadTemplates(language, ...(templatesDir !== undefined ? [templatesDir] : []));
      cache.set(language, t);
    }
    return t;
  };
  return {
    templates,
    /** The letter as a one-or-more-page A4 PDF with the fonts embedded. */
    pdf: async (letter: Letter): Promise<Buffer> => renderPdf(letter, await templates(letter.language)),
    /** The letter as a self-contained HTML page (the e-mail's HTML body). */
    html: async (letter: Letter): Promise<string> => renderHtml(letter, await templates(letter.language)),
    /** The letter as a plain-text e-mail: subject line and body. */
    text: async (letter: Letter): Promise<{ subject: string; text: string }> =>
      renderText(letter, await templates(letter.language)),
    /** A case file for an agency or a lawyer as a PDF (the case file's own layout, no templates). */
    caseFilePdf: (file: CaseFile): Promise<Buffer> => renderCaseFilePdf(file),
  };
}

export type LetterRenderer = ReturnType<typeof letterRenderer>;
