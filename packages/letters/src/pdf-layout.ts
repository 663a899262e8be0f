/** Page geometry, colours and small drawing helpers shared by the PDF blocks. */
export type Doc = PDFKit.PDFDocument;

export const MARGINS = { top: 36, bottom: 52, left: 58, right: 48 } as const;

export const COLOR = {
  ink: '#1f2933',
  muted: '#5f6b7a',
  brand: '#1f3a5f',
  rule: '#d5dae1',
  shade: '#f4f6f9',
  head: '#e4e9f0',
} as const;

export const contentWidth = (doc: Doc): number => doc.page.width - MARGINS.left - MARGINS.right;
export const bottomLimit = (doc: Doc): number => doc.page.height - MARGINS.bottom;

/** Selects font, size and colour in one go. */
export function style(doc: Doc, weight: 'regular' | 'bold', size: number, color: string = COLOR.ink): Doc {
  return doc.font(weight).fontSize(size).fillColor(color);
}

/** Starts a new page unless `height` more points fit below the cursor. */
export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottomLimit(doc)) doc.addPage();
}

/** Body text: size and the space added between its lines (Noto's own line height, 1.45 em, less 1 pt). */
export const BODY = { size: 9, lineGap: -1 } as const;

/** A paragraph across the content width; kept whole on one page when it fits on one. */
export function paragraph(
  doc: Doc,
  text: string,
  size: number = BODY.size,
  weight: 'regular' | 'bold' = 'regular',
  after = 5,
): void {
  style(doc, weight, size);
  const options = { width: contentWidth(doc), lineGap: BODY.lineGap };
  const height = doc.heightOfString(unbreakable(text), options);
  if (height < bottomLimit(doc) - MARGINS.top) ensureSpace(doc, height);
  write(doc, { size, weight }, text, MARGINS.left, doc.y, options);
  doc.y += after;
}

const PAIR = { label: 8.5, value: 9, gap: 1 } as const;

/**
 * The label column's width for label/value rows `width` wide: as wide as the widest label, at most half — or more,
 * when the values still fit on one line beside it.
 */
function pairLabelWidth(doc: Doc, rows: readonly (readonly [string, string])[], width: number): number {
  style(doc, 'regular', PAIR.label);
  const label = Math.max(...rows.map(([l]) => doc.widthOfString(l))) + 14;
  style(doc, 'regular', PAIR.value);
  const value = Math.max(...rows.map(([, v]) => doc.widthOfString(unbreakable(v)))) + 2;
  return Math.min(Math.max(width * 0.5, width - value), label);
}

/** The height `pairs` will take for these rows, without drawing them. */
export function pairsHeight(doc: Doc, rows: readonly (readonly [string, string])[], width: number): number {
  const labelWidth = pairLabelWidth(doc, rows, width);
  return rows.reduce((sum, [label, value]) => {
    const l = style(doc, 'regular', PAIR.label).heightOfString(unbreakable(label), { width: labelWidth - 6 });
    const v = style(doc, 'regular', PAIR.value).heightOfString(unbreakable(value), { width: width - labelWidth });
    return sum + Math.max(l, v) + PAIR.gap;
  }, 0);
}

/** The width label/value rows need so that no value wraps (labels as `pairs` sets them, values on one line). */
export function pairsNaturalWidth(doc: Doc, rows: readonly (readonly [string, string])[]): number {
  style(doc, 'regular', PAIR.label);
  const label = Math.max(...rows.map(([l]) => doc.widthOfString(l))) + 14;
  style(doc, 'regular', PAIR.value);
  return label + Math.max(...rows.map(([, v]) => doc.widthOfString(unbreakable(v)))) + 2;
}

/** Label/value rows in two columns at x, labels as wide as the widest; returns the y below them. */
export function pairs(
  doc: Doc,
  rows: readonly (readonly [string, string])[],
  x: number,
  y: number,
  width: number,
): number {
  const labelWidth = pairLabelWidth(doc, rows, width);
  let top = y;
  for (const [label, value] of rows) {
    write(doc, { size: PAIR.label, color: COLOR.muted }, label, x, top, { width: labelWidth - 6 });
    const labelBottom = doc.y;
    write(doc, { size: PAIR.value }, value, x + labelWidth, top, { width: width - labelWidth });
    top = Math.max(labelBottom, doc.y) + PAIR.gap;
  }
  return top;
}

/** A thin horizontal rule across [x, x + width] at y. */
export function rule(doc: Doc, x: number, y: number, width: number, color: string = COLOR.rule, weight = 0.6): void {
  doc
    .save()
    .moveTo(x, y)
    .lineTo(x + width, y)
    .lineWidth(weight)
    .strokeColor(color)
    .stroke()
    .restore();
}

export interface Look {
  readonly size: number;
  readonly weight?: 'regular' | 'bold';
  readonly color?: string;
}

/**
 * References (invoice numbers, letter references, customer numbers: a hyphenated word with a digit) with
 * non-breaking hyphens, so a line never ends inside one. Noto draws U+2011 with the hyphen's glyph and maps it
 * back to "-", so the text copied from the PDF keeps plain hyphens.
 */
export const unbreakable = (text: string): string =>
  text.replace(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu, (word) =>
    /\d/.test(word) ? word.replaceAll('-', '\u2011') : word,
  );

/** Symbols Noto Sans SC draws full-width, as Chinese typesetting wants; Latin text wants them narrow. */
const WIDE = /([§·•×±“”‘’…])/;
const CJK = /[\u3000-\u9fff\uf900-\ufaff\uff00-\uffef]/;
const LATIN_FALLBACK = { regular: 'Helvetica', bold: 'Helvetica-Bold' } as const;
/** Noto Sans SC's ascender in em: pdfkit sets text from the top of the line, at this height above the baseline. */
const NOTO_ASCENDER = 1.16;

/**
 * doc.text in the given look. In text without Chinese characters the full-width symbols are drawn from
 * Helvetica (built into every PDF reader), so "§ 288" does not read "§  288".
 */
export function write(
  doc: Doc,
  look: Look,
  text: string,
  x: number,
  y: number,
  options: PDFKit.Mixins.TextOptions = {},
): void {
  const weight = look.weight ?? 'regular';
  doc.fontSize(look.size).fillColor(look.color ?? COLOR.ink);
  const plain = unbreakable(text);
  const runs = CJK.test(plain) ? [plain] : plain.split(WIDE).filter((run) => run !== '');
  runs.forEach((run, i) => {
    const fallback = runs.length > 1 && WIDE.test(run);
    doc.font(fallback ? LATIN_FALLBACK[weight] : weight);
    // A number baseline puts the fallback glyph on the baseline of the Noto text around it.
    const baseline = fallback ? -NOTO_ASCENDER * look.size : ('top' as const);
    const runOptions = { ...options, baseline, continued: i < runs.length - 1 };
    if (i === 0) doc.text(run, x, y, runOptions);
    else doc.text(run, runOptions);
  });
}
