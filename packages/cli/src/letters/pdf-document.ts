import { pdfFonts } from './pdf-fonts';
import { type Doc, MARGINS } from './pdf-layout';

/**
 * A new A4 document with the embedded fonts registered as "regular" and "bold" and its first page added;
 * `done` resolves to the bytes once `doc.end()` is called. The creation date is the given business date, so
 * the same content gives the same bytes.
 */
export async function openPdf(x: {
  lang: string;
  title: string;
  author: string;
  subject: string;
  date: string;
}): Promise<{ doc: Doc; done: Promise<Buffer> }> {
  const [fonts, { default: PDFDocument }] = await Promise.all([pdfFonts(), import('pdfkit')]); // loaded when used
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    bufferPages: true,
    autoFirstPage: false,
    lang: x.lang,
    displayTitle: true,
    info: {
      Title: x.title,
      Author: x.author,
      Subject: x.subject,
      Creator: 'Credence',
      CreationDate: new Date(`${x.date}T00:00:00Z`),
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
  return { doc, done };
}
