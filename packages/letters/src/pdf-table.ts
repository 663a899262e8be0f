import { bottomLimit, COLOR, contentWidth, type Doc, MARGINS, rule, style, unbreakable, write } from './pdf-layout';

const SIZE = 8.5;
const PAD_X = 5;
const PAD_Y = 2.5;
/** Noto's line height is 1.45 em; table lines are set tighter. */
const LINE_GAP = -2;

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
  doc.y += 10;
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
      lineGap: LINE_GAP,
    });
    x += w;
  });
  doc.y = top;
}

function rowHeight(doc: Doc, cells: readonly string[], widths: readonly number[], weight: 'regular' | 'bold'): number {
  style(doc, weight, SIZE);
  const heights = cells.map((cell, i) =>
    doc.heightOfString(unbreakable(cell), { width: (widths[i] ?? 0) - 2 * PAD_X, lineGap: LINE_GAP }),
  );
  return Math.max(...heights) + 2 * PAD_Y;
}

/**
 * Natural width: the widest cell, or the longest word of the header (headers may wrap). Spare width is shared
 * equally; if the columns are too wide together, all but the first (the document numbers, which never wrap)
 * shrink in proportion and their cells wrap.
 */
function columnWidths(doc: Doc, table: PdfTable): number[] {
  const cells = table.headers.map((_, i) => {
    style(doc, 'regular', SIZE);
    return Math.max(0, ...table.rows.map((r) => doc.widthOfString(unbreakable(r[i] ?? ''))));
  });
  const natural = (header: (h: string) => number) =>
    table.headers.map((h, i) => Math.max(header(h), cells[i] ?? 0) + 2 * PAD_X);
  const width = contentWidth(doc);
  const bold = (text: string) => style(doc, 'bold', SIZE).widthOfString(text);
  // Headers on one line when they all fit so, else each may wrap between words.
  const oneLine = natural(bold);
  const widths =
    oneLine.reduce((a, b) => a + b, 0) <= width
      ? oneLine
      : natural((h) => Math.max(...h.split(' ').map((word) => bold(word))));
  const total = widths.reduce((a, b) => a + b, 0);
  const first = widths[0] ?? 0;
  if (total > width) return widths.map((w, i) => (i === 0 ? w : (w * (width - first)) / (total - first)));
  return widths.map((w) => w + (width - total) / widths.length);
}
