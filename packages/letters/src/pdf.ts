import type { Letter } from '@credence/app';
import { composeLetter, FIRST_NUMERIC_COLUMN } from './compose';
import { message } from './fill';
import type { Templates } from './load-templates';
import { drawCredits, drawFooters, drawHead, drawPayment, drawSignature, drawTotals } from './pdf-blocks';
import { endPdf, openPdf } from './pdf-document';
import { paragraph } from './pdf-layout';
import { drawTable } from './pdf-table';

/**
 * The letter as an A4 PDF in Noto Sans SC. The creation date is the letter's date, so the same letter gives
 * the same bytes.
 */
export async function renderPdf(letter: Letter, templates: Templates): Promise<Buffer> {
  const c = composeLetter(letter, templates);
  const { doc, done } = await openPdf({
    lang: letter.language,
    title: c.subject,
    author: letter.creditor.name,
    subject: c.subject,
    date: letter.date,
  });

  drawHead(doc, c);
  paragraph(doc, c.subject, 11.5, 'bold', 8);
  paragraph(doc, c.greeting, 9.5, 'regular', 3);
  paragraph(doc, c.opening, 9.5, 'regular', 8);
  drawTable(doc, { headers: c.table.headers, rows: c.table.rows, firstRight: FIRST_NUMERIC_COLUMN });
  if (c.credits) drawCredits(doc, c.credits);
  drawTotals(doc, c.totals);
  paragraph(doc, c.interest);
  drawPayment(doc, c.payment, c.bank);
  paragraph(doc, `${c.nextStep}${c.language.startsWith('zh') ? '' : ' '}${c.dispute}`);
  drawSignature(doc, c);
  drawFooters(doc, c.footer ?? c.creditor.name, (page, pages) =>
    message(templates, 'footer.page', { page: String(page), pages: String(pages) }),
  );

  endPdf(doc);
  return done;
}
