import { bottomLimit, COLOR, contentWidth, type Doc, MARGINS, rule, style, unbreakable, write } from './pdf-layout';

const PAD_X = 3.5;
const PAD_Y = 3.5;
const DISPUTED = '#fbecec';

export interface GridColumn {
  readonly header: string;
  readonly align?: 'left' | 'right';
  /** When the columns are too wide, flexible ones give up their width first (and wrap); spare width is shared evenly. */
  readonly flex?: boolean;
}

export interface Grid {
  readonly columns: readonly GridColumn[];
  readonly rows: readonly (readonly string[])[];
  readonly size?: number;
  /** The least font size the table may shrink to when its columns are too wide together, before wrapping. */
  readonly minSize?: number;
  /** Rows drawn on a red tint (disputed documents). */
  readonly marked?: (row: number) => boolean;
}

/**
 * A table across the content width, like pdf-table's but for wide text columns: when the columns are too wide
 * together, fixed ones keep their natural width and flexible ones share the rest. Cells may hold several lines; a row never splits, and the header repeats
 * on every page the table flows onto.
 */
export function drawGrid(doc: Doc, grid: Grid): void {
  let size = grid.size ?? 8;
  const min = grid.minSize ?? size;
  const total = (at: number) => spans(doc, grid, at, false).reduce((a, b) => a + b, 0);
  while (size > min && total(size) > contentWidth(doc)) size = Math.max(min, size - 0.25);
  const widths = gridWidths(doc, grid, size);
  const width = contentWidth(doc);
  const headers = grid.columns.map((c) => c.header);
  const header = () => {
    const h = height(doc, headers, widths, size, 'bold');
    doc.rect(MARGINS.left, doc.y, width, h).fill(COLOR.head);
    row(doc, grid, headers, widths, size, 'bold', COLOR.brand);
    doc.y += h;
  };
  header();
  grid.rows.forEach((cells, i) => {
    const h = height(doc, cells, widths, size, 'regular');
    if (doc.y + h > bottomLimit(doc)) {
      doc.addPage();
      header();
    }
    const tint = grid.marked?.(i) ? DISPUTED : i % 2 === 1 ? COLOR.shade : undefined;
    if (tint) doc.rect(MARGINS.left, doc.y, width, h).fill(tint);
    row(doc, grid, cells, widths, size, 'regular', COLOR.ink);
    doc.y += h;
    rule(doc, MARGINS.left, doc.y, width);
  });
  doc.x = MARGINS.left;
  doc.y += 14;
}

type Weight = 'regular' | 'bold';

function row(
  doc: Doc,
  g: Grid,
  cells: readonly string[],
  widths: number[],
  size: number,
  weight: Weight,
  color: string,
) {
  const top = doc.y;
  let x = MARGINS.left;
  cells.forEach((cell, i) => {
    const w = widths[i] ?? 0;
    const align = g.columns[i]?.align ?? 'left';
    write(doc, { size, weight, color }, cell, x + PAD_X, top + PAD_Y, { width: w - 2 * PAD_X, align, lineGap: 1 });
    x += w;
  });
  doc.y = top;
}

function height(doc: Doc, cells: readonly string[], widths: number[], size: number, weight: Weight): number {
  style(doc, weight, size);
  const each = cells.map((c, k) =>
    doc.heightOfString(unbreakable(c), { width: (widths[k] ?? 0) - 2 * PAD_X, lineGap: 1 }),
  );
  return Math.max(...each) + 2 * PAD_Y;
}

/**
 * The widest line of a cell, or (for `words`) its longest word: the least a column can shrink to. A line keeps
 * its "\n", which pdfkit measures a full em wide when it wraps.
 */
function measure(doc: Doc, text: string, words: boolean): number {
  const parts = words ? text.split(/[\s/]+/) : text.split(/(?<=\n)/);
  return Math.max(0, ...parts.map((p) => doc.widthOfString(p)));
}

/** Each column's natural width (its widest line), or its least (its longest word); headers may wrap. */
function spans(doc: Doc, grid: Grid, size: number, words: boolean): number[] {
  return grid.columns.map((column, k) => {
    style(doc, 'bold', size);
    const head = measure(doc, column.header, true);
    style(doc, 'regular', size);
    // One point of slack: pdfkit wraps a line that fills its width exactly, leaving an empty line.
    return Math.max(head, ...grid.rows.map((r) => measure(doc, r[k] ?? '', words))) + 2 * PAD_X + 1;
  });
}

function gridWidths(doc: Doc, grid: Grid, size: number): number[] {
  const natural = spans(doc, grid, size, false);
  const least = spans(doc, grid, size, true);
  const flex = grid.columns.map((c) => c.flex === true);
  const fixed = natural.reduce((a, w, k) => a + (flex[k] ? 0 : w), 0);
  const flexible = natural.reduce((a, w, k) => a + (flex[k] ? w : 0), 0);
  const width = contentWidth(doc);
  const spare = width - fixed - flexible;
  if (spare >= 0) return natural.map((w) => w + spare / natural.length);
  if (!flex.includes(true)) return natural.map((w) => (w * width) / (fixed + flexible));
  // Flexible columns share what the fixed ones leave, in proportion to their natural width, but never below
  // their longest word; what that costs comes out of the fixed columns in proportion.
  const flexWidths = natural.map((w, k) => (flex[k] ? Math.max(least[k] ?? 0, (w * (width - fixed)) / flexible) : 0));
  const taken = flexWidths.reduce((a, b) => a + b, 0);
  const scale = Math.min(1, (width - taken) / fixed);
  return natural.map((w, k) => (flex[k] ? (flexWidths[k] ?? 0) : w * scale));
}
