import type { CaseFile } from '@credence/app';
import { boundedForRendering } from './bounded';
import { drawGrid, type Grid } from './case-pdf-grid';
import {
  basisSentence,
  claimTable,
  creditsGrid,
  documentsGrid,
  drawParties,
  heading,
  historyGrid,
  lettersGrid,
  levelName,
} from './case-pdf-sections';
import { formatDate } from './format';
import { drawFooters } from './pdf-blocks';
import { endPdf, openPdf } from './pdf-document';
import { COLOR, contentWidth, type Doc, MARGINS, pairs, paragraph, rule, write } from './pdf-layout';
import { drawTable } from './pdf-table';

/** The creditor's reference of a case: also the name of its files in the outbox ("<debtor>-<date>-<level>"). */
export const caseReference = (file: CaseFile): string => `${file.debtor.id}-${file.asOf}-${file.level}`;

/**
 * The case file handed to a collection agency or a lawyer, as an A4 PDF in English (in Noto Sans SC, since
 * names, addresses and notes may be Chinese): parties, claim, open documents, letters sent and the history.
 * The creation date is the case file's date, so the same case file gives the same bytes.
 */
export async function renderCaseFilePdf(data: CaseFile): Promise<Buffer> {
  const file = boundedForRendering(data);
  const title = `Collection case file — ${file.debtor.name}`;
  const { doc, done } = await openPdf({
    lang: 'en',
    title,
    author: file.creditor.name,
    subject: `${levelName(file.level)}: case ${caseReference(file)}`,
    date: file.asOf,
  });

  drawTitle(doc, file, title);
  heading(doc, 'Parties', 140);
  drawParties(doc, file);
  heading(doc, 'Claim', 40 + 20 * file.totals.length);
  drawTable(doc, claimTable(file));
  paragraph(doc, basisSentence(file), 9, 'regular', 6);
  section(doc, 'Open documents', documentsGrid(file), 'No open invoices.', documentsNote(file));
  if (file.credits.length > 0) section(doc, 'Credits set off', creditsGrid(file), '');
  section(doc, 'Letters sent', lettersGrid(file), 'No letters recorded.');
  section(doc, 'History', historyGrid(file), 'Nothing recorded.');
  drawFooters(
    doc,
    `${file.creditor.name} · case ${caseReference(file)} · confidential`,
    (page, pages) => `Page ${page} of ${pages}`,
  );

  endPdf(doc);
  return done;
}

function drawTitle(doc: Doc, file: CaseFile, title: string): void {
  const x = MARGINS.left;
  const width = contentWidth(doc);
  write(
    doc,
    { size: 8.5, weight: 'bold', color: COLOR.muted },
    'CONFIDENTIAL — FOR THE COLLECTION AGENCY OR COUNSEL',
    x,
    MARGINS.top,
    { width },
  );
  write(doc, { size: 17, weight: 'bold', color: COLOR.brand }, title, x, doc.y + 4, { width });
  rule(doc, x, doc.y + 6, width, COLOR.brand, 1.2);
  const bottom = pairs(
    doc,
    [
      ['Level', levelName(file.level)],
      ['Date', formatDate(file.asOf, 'en')],
      ['Creditor’s reference', caseReference(file)],
      ['Prepared by', `${file.creditor.name}, ${file.creditor.contact.name}`],
    ],
    x,
    doc.y + 14,
    width,
  );
  doc.x = x;
  doc.y = bottom + 8;
}

/** A titled table under an optional introduction, or the `empty` line when it has no rows. */
function section(doc: Doc, title: string, grid: Grid, empty: string, intro?: string): void {
  heading(doc, title);
  if (grid.rows.length === 0) {
    paragraph(doc, empty);
    return;
  }
  if (intro) paragraph(doc, intro, 8.5, 'regular', 6);
  drawGrid(doc, grid);
}

function documentsNote(file: CaseFile): string {
  const disputed = file.documents.filter((d) => d.disputed).length;
  const n = file.documents.length;
  // Proof of delivery: the invoices with none on file (`credence delivery confirm`), named.
  const unproven = file.documents.filter((d) => d.proofOfDelivery === null).map((d) => d.number);
  const pod = unproven.length > 0 ? ` Delivery not confirmed: ${unproven.join(', ')}.` : '';
  const pattern = file.payerPattern;
  const payer =
    pattern !== undefined && pattern.class !== 'not_overdue'
      ? ` Pattern: ${pattern.class.replace(/_/g, ' ')} (${pattern.reasons.map((r) => r.code.replace(/_/g, ' ')).join(', ')}).`
      : '';
  return `${n} open invoice${n === 1 ? '' : 's'}${disputed > 0 ? `, ${disputed} of them disputed (tinted, marked DISPUTED)` : ''}; days overdue as of ${formatDate(file.asOf, 'en')}.${pod}${payer}`;
}
