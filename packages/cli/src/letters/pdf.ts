import type { Letter } from '@credence/app';
import PDFDocument from 'pdfkit';
import { composeLetter, FIRST_NUMERIC_COLUMN } from './compose';
import { message } from './fill';
import type { Templates } from './load-templates';
import { drawFooters, drawHead, drawPayment, drawSignature, drawTotals } from './pdf-blocks';
import { pdfFonts } from './pdf-fonts';
import { MARGINS, paragraph } from './pdf-layout';
import { drawTable } from './pdf-table';

/**
 * The letter as an A4 PDF in Noto Sans SC. The creation date is the letter's date, so the same letter gives
 * the same bytes.
 */
export async function renderPdf(letter: Letter, templates: Templates): Promise<Buffer> {
  const c = composeLetter(letter, templates);
  const fonts = await pdfFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    bufferPages: true,
    autoFirstPage: false,
    lang: letter.language,
    displayTitle: true,
    info: {
      Title: c.subject,
      Author: letter.creditor.name,
      Subject: c.subject,
      Creator: 'Credence',
      CreationDate: new Date(`${letter.date}T00:00:00Z`),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  doc.addPage();

  drawHead(doc, c);
  paragraph(doc, c.subject, 12, 'bold', 12);
  paragraph(doc, c.greeting, 10, 'regular', 6);
  paragraph(doc, c.opening, 10, 'regular', 14);
  drawTable(doc, { headers: c.table.headers, rows: c.table.rows, firstRight: FIRST_NUMERIC_COLUMN });
  drawTotals(doc, c.totals);
  paragraph(doc, c.interest);
  drawPayment(doc, c.payment, c.bank);
  paragraph(doc, c.nextStep);
  paragraph(doc, c.dispute);
  paragraph(doc, c.closing);
  drawSignature(doc, c);
  drawFooters(doc, c, (page, pages) => message(templates, 'footer.page', { page: String(page), pages: String(pages) }));

  doc.end();
  return done;
}
