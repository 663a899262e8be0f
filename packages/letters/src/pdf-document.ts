import { pdfFonts } from './pdf-fonts';
import { type Doc, MARGINS } from './pdf-layout';

/**
 * A new A4 document with the embedded fonts registered as "regular" and "bold" and its first page added;
 * `done` resolves to the bytes once `endPdf(doc)` is called. The creation date is the given business date, so
 * the same content gives the same bytes.
 */
export async function openPdf(x: {
  lang: string;
  title: string;
  author: string;
  subject: string;
  date: string;
}): Promise<{ doc: Doc; done: Promise<Buffer> }> {
  const [fonts, { default: PDFDocument }] = await Promise.all([pdfFonts(x.lang), import('pdfkit')]); // loaded when used
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

/** pdfkit's embedded fonts, as far as `endPdf` needs them: the code points each subset glyph maps back to. */
interface EmbeddedFonts {
  readonly _fontFamilies?: Record<string, { unicode?: number[][] }>;
}

/**
 * Ends the document. References are drawn with non-breaking hyphens (U+2011, `unbreakable`) in the hyphen's
 * glyph; the text a reader copies or extracts maps that glyph back to a plain "-" here, so a payment reference
 * pasted from the PDF is the reference.
 */
export function endPdf(doc: Doc): void {
  for (const font of Object.values((doc as unknown as EmbeddedFonts)._fontFamilies ?? {}))
    if (font.unicode)
      font.unicode = font.unicode.map((codePoints) => codePoints.map((cp) => (cp === 0x2011 ? 0x2d : cp)));
  doc.end();
}
