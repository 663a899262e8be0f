import { bottomLimit, COLOR, contentWidth, type Doc, MARGINS, rule, style, write } from './pdf-layout';

const SIZE = 8.5;
const PAD_X = 5;
const PAD_Y = 4;

export interface PdfTable {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Columns from this index on are right-aligned (the numbers). */
  readonly firstRight: number;
}

/**
 * The documents table across the content width. Columns take their natural width and share what is left;
 * a row that does not fit on the page starts a new one, with the header repeated.
 */
export function drawTable(doc: Doc, table: PdfTable): void {
  const widths = columnWidths(doc, table);
  const x = MARGINS.left;
  const header = () => {
    const h = rowHeight(doc, table.headers, widths, 'bold');
    doc.rect(x, doc.y, contentWidth(doc), h).fill(COLOR.head);
    drawRow(doc, table.headers, widths, table.firstRight, 'bold', COLOR.brand);
    doc.y += h;
  };
  header();
  table.rows.forEach((cells, i) => {
    const h = rowHeight(doc, cells, widths, 'regular');
    if (doc.y + h > bottomLimit(doc)) {
      doc.addPage();
      header();
    }
    if (i % 2 === 1) doc.rect(x, doc.y, contentWidth(doc), h).fill(COLOR.shade);
    drawRow(doc, cells, widths, table.firstRight, 'regular', COLOR.ink);
    doc.y += h;
    rule(doc, x, doc.y, contentWidth(doc));
  });
  doc.x = x;
  doc.y += 14;
}

function drawRow(
  doc: Doc,
  cells: readonly string[],
  widths: readonly number[],
  firstRight: number,
  weight: 'regular' | 'bold',
  color: string,
): void {
  const top = doc.y;
  let x = MARGINS.left;
  cells.forEach((cell, i) => {
    const w = widths[i] ?? 0;
    write(doc, { size: SIZE, weight, color }, cell, x + PAD_X, top + PAD_Y, {
      width: w - 2 * PAD_X,
      align: i >= firstRight ? 'right' : 'left',
    });
    x += w;
  });
  doc.y = top;
}

function rowHeight(doc: Doc, cells: readonly string[], widths: readonly number[], weight: 'regular' | 'bold'): number {
  style(doc, weight, SIZE);
  const heights = cells.map((cell, i) => doc.heightOfString(cell, { width: (widths[i] ?? 0) - 2 * PAD_X }));
  return Math.max(...heights) + 2 * PAD_Y;
}

/**
 * Natural width: the widest cell, or the longest word of the header (headers may wrap). Spare width is shared
 * equally; if the columns are too wide together, all shrink in proportion and cells wrap.
 */
function columnWidths(doc: Doc, table: PdfTable): number[] {
  const natural = table.headers.map((header, i) => {
    style(doc, 'bold', SIZE);
    const headerWidth = Math.max(...header.split(' ').map((word) => doc.widthOfString(word)));
    style(doc, 'regular', SIZE);
    const cellWidth = Math.max(0, ...table.rows.map((r) => doc.widthOfString(r[i] ?? '')));
    return Math.max(headerWidth, cellWidth) + 2 * PAD_X;
  });
  const total = natural.reduce((a, b) => a + b, 0);
  const width = contentWidth(doc);
  if (total > width) return natural.map((w) => (w * width) / total);
  return natural.map((w) => w + (width - total) / natural.length);
}
