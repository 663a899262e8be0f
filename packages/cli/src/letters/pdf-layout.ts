/** Page geometry, colours and small drawing helpers shared by the PDF blocks. */
export type Doc = PDFKit.PDFDocument;

export const MARGINS = { top: 48, bottom: 72, left: 62, right: 50 } as const;

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

/** A paragraph across the content width; kept whole on one page when it fits on one. */
export function paragraph(doc: Doc, text: string, size = 9.5, weight: 'regular' | 'bold' = 'regular', after = 9): void {
  style(doc, weight, size);
  const options = { width: contentWidth(doc), lineGap: 2.5 };
  const height = doc.heightOfString(text, options);
  if (height < bottomLimit(doc) - MARGINS.top) ensureSpace(doc, height);
  write(doc, { size, weight }, text, MARGINS.left, doc.y, options);
  doc.y += after;
}

/** Label/value rows in two columns at x, labels as wide as the widest; returns the y below them. */
export function pairs(
  doc: Doc,
  rows: readonly (readonly [string, string])[],
  x: number,
  y: number,
  width: number,
): number {
  style(doc, 'regular', 8.5);
  const labelWidth = Math.min(width * 0.5, Math.max(...rows.map(([label]) => doc.widthOfString(label))) + 14);
  let top = y;
  for (const [label, value] of rows) {
    write(doc, { size: 8.5, color: COLOR.muted }, label, x, top, { width: labelWidth - 6 });
    const labelBottom = doc.y;
    write(doc, { size: 9.5 }, value, x + labelWidth, top, { width: width - labelWidth });
    top = Math.max(labelBottom, doc.y) + 2;
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
  const runs = CJK.test(text) ? [text] : text.split(WIDE).filter((run) => run !== '');
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
