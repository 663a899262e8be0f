import type { ComposedLetter } from './compose';
import {
  BODY,
  bottomLimit,
  COLOR,
  contentWidth,
  type Doc,
  ensureSpace,
  MARGINS,
  pairs,
  pairsHeight,
  pairsNaturalWidth,
  rule,
  style,
  unbreakable,
  write,
} from './pdf-layout';

/** The date and references top right: at least this wide, wider when a reference would otherwise wrap. */
const META_WIDTH = 210;
/** The credits list: narrower than the page, so each amount stays close to its label. */
const CREDITS = { width: 340, size: 8.5, pad: 2.5 } as const;
/** A row of the totals. */
const TOTAL_ROW = 12;

/**
 * Creditor name and address top left over a brand rule; below, the debtor's address under a one-line sender
 * line (shrunk to fit, as in a window envelope) and the letter's date and references on the right.
 */
export function drawHead(doc: Doc, c: ComposedLetter): void {
  const x = MARGINS.left;
  const width = contentWidth(doc);
  write(doc, { size: 14, weight: 'bold', color: COLOR.brand }, c.creditor.name, x, MARGINS.top, { width });
  write(doc, { size: 8.5, color: COLOR.muted }, c.creditor.address.join('  ·  '), x, doc.y + 1, { width });
  rule(doc, x, doc.y + 6, width, COLOR.brand, 1.2);

  const top = doc.y + 16;
  const metaWidth = Math.min(width / 2, Math.max(META_WIDTH, pairsNaturalWidth(doc, c.meta)));
  const left = width - metaWidth - 30;
  const sender = [c.creditor.name, ...c.creditor.address].join(' · ');
  const size = Math.max(5, Math.min(6.5, (6.5 * left) / style(doc, 'regular', 6.5).widthOfString(sender)));
  write(doc, { size, color: COLOR.muted }, sender, x, top, { width: left });
  rule(doc, x, doc.y + 1, left, COLOR.muted, 0.4);
  write(doc, { size: 10, weight: 'bold' }, c.debtor.name, x, doc.y + 5, { width: left });
  write(doc, { size: 9.5 }, c.debtor.address.join('\n'), x, doc.y, { width: left, lineGap: -1 });
  const debtorBottom = doc.y;
  const metaBottom = pairs(doc, c.meta, x + width - metaWidth, top, metaWidth);
  doc.x = x;
  doc.y = Math.max(debtorBottom, metaBottom) + 14;
}

/**
 * The credits set off: the intro, then a narrow two-column list, one row per credit under a thin rule, the
 * amount right-aligned. Kept on one page with its intro when it fits; otherwise the rows flow on.
 */
export function drawCredits(doc: Doc, credits: NonNullable<ComposedLetter['credits']>): void {
  const x = MARGINS.left;
  const width = Math.min(contentWidth(doc), CREDITS.width);
  style(doc, 'regular', CREDITS.size);
  const amountWidth = Math.max(...credits.rows.map(([, value]) => doc.widthOfString(value))) + 2;
  const labelWidth = width - amountWidth - 2 * CREDITS.pad - 12;
  const heights = credits.rows.map(
    ([label]) => doc.heightOfString(unbreakable(label), { width: labelWidth }) + 2 * CREDITS.pad,
  );
  style(doc, 'regular', BODY.size);
  const intro = { width: contentWidth(doc), lineGap: BODY.lineGap };
  const whole = doc.heightOfString(credits.intro, intro) + 3 + heights.reduce((a, b) => a + b, 0);
  if (whole < bottomLimit(doc) - MARGINS.top) ensureSpace(doc, whole);
  else ensureSpace(doc, whole - heights.slice(1).reduce((a, b) => a + b, 0));
  write(doc, { size: BODY.size }, credits.intro, x, doc.y, intro);
  let y = doc.y + 3;
  rule(doc, x, y, width, COLOR.muted);
  credits.rows.forEach(([label, value], i) => {
    const height = heights[i] ?? 0;
    if (y + height > bottomLimit(doc)) {
      doc.addPage();
      y = doc.y;
      rule(doc, x, y, width, COLOR.muted);
    }
    const look = { size: CREDITS.size };
    write(doc, look, label, x + CREDITS.pad, y + CREDITS.pad, { width: labelWidth });
    write(doc, look, value, x + width - CREDITS.pad - amountWidth, y + CREDITS.pad, {
      width: amountWidth,
      align: 'right',
    });
    y += height;
    rule(doc, x, y, width);
  });
  doc.x = x;
  doc.y = y + 10;
}

/** The sums per currency, two blocks side by side, the total due in bold under a rule. */
export function drawTotals(doc: Doc, totals: ComposedLetter['totals']): void {
  const gap = 24;
  const perRow = Math.min(2, totals.length);
  const width = perRow === 1 ? 260 : (contentWidth(doc) - gap) / 2;
  for (let i = 0; i < totals.length; i += perRow) {
    const group = totals.slice(i, i + perRow);
    const height = Math.max(...group.map((t) => TOTAL_ROW * (t.rows.length + 1) + 8));
    ensureSpace(doc, height);
    const top = doc.y;
    group.forEach((t, j) => {
      const x = MARGINS.left + contentWidth(doc) - (perRow - j) * width - (perRow - 1 - j) * gap;
      write(doc, { size: BODY.size, weight: 'bold', color: COLOR.brand }, t.heading, x, top, { width });
      let y = doc.y + 1;
      t.rows.forEach(([label, value], k) => {
        const last = k === t.rows.length - 1;
        if (last) rule(doc, x, y + 1, width, COLOR.ink, 0.8);
        const look = { size: BODY.size, weight: last ? ('bold' as const) : ('regular' as const) };
        const ry = last ? y + 3 : y;
        write(doc, look, label, x, ry, { width: width * 0.55 });
        write(doc, look, value, x + width * 0.4, ry, { width: width * 0.6, align: 'right' });
        y = ry + TOTAL_ROW;
      });
    });
    doc.x = MARGINS.left;
    doc.y = top + height + 4;
  }
}

/**
 * Where the bank details split into two columns side by side: the first split point from the middle at which both
 * columns' rows fit on one line each, with the columns' widths (spare width shared); one column when none does.
 */
function bankColumns(
  doc: Doc,
  bank: ComposedLetter['bank'],
  inner: number,
  gap: number,
): { rows: ComposedLetter['bank']; width: number }[] {
  const middle = Math.ceil(bank.length / 2);
  const order = [middle, ...Array.from({ length: bank.length }, (_, i) => i).filter((k) => k > 0 && k !== middle)];
  for (const k of bank.length > 2 ? order : []) {
    const parts = [bank.slice(0, k), bank.slice(k)];
    const natural = parts.map((rows) => pairsNaturalWidth(doc, rows));
    const spare = inner - gap - natural.reduce((a, b) => a + b, 0);
    if (spare >= 0) return parts.map((rows, i) => ({ rows, width: (natural[i] ?? 0) + spare / 2 }));
  }
  return [{ rows: bank, width: inner }];
}

/**
 * The payment request and, kept on the same page, the bank details in a shaded box: two columns of label/value
 * rows when they fit so (`bankColumns`), else one.
 */
export function drawPayment(doc: Doc, payment: string, bank: ComposedLetter['bank']): void {
  const gap = 18;
  const columns = bankColumns(doc, bank, contentWidth(doc) - 24, gap);
  const height = Math.max(...columns.map((c) => pairsHeight(doc, c.rows, c.width))) + 10;
  style(doc, 'regular', BODY.size);
  const options = { width: contentWidth(doc), lineGap: BODY.lineGap };
  ensureSpace(doc, doc.heightOfString(unbreakable(payment), options) + height + 12);
  write(doc, { size: BODY.size }, payment, MARGINS.left, doc.y, options);
  const top = doc.y + 4;
  doc.rect(MARGINS.left, top, contentWidth(doc), height).fill(COLOR.shade);
  let x = MARGINS.left + 12;
  for (const c of columns) {
    pairs(doc, c.rows, x, top + 5, c.width);
    x += c.width + gap;
  }
  doc.x = MARGINS.left;
  doc.y = top + height + 8;
}

/**
 * The closing sentence, sign-off, room for a signature, then the contact's name (bold) and details (team, e-mail,
 * phone) on one line or two, all kept on one page.
 */
export function drawSignature(doc: Doc, c: ComposedLetter): void {
  const [name = '', ...details] = c.signature;
  const width = contentWidth(doc);
  const text = { width, lineGap: BODY.lineGap };
  const closing = style(doc, 'regular', BODY.size).heightOfString(c.closing, text);
  ensureSpace(doc, closing + 76);
  write(doc, { size: BODY.size }, c.closing, MARGINS.left, doc.y, text);
  write(doc, { size: BODY.size }, c.signoff, MARGINS.left, doc.y + 4, { width });
  write(doc, { size: BODY.size, weight: 'bold' }, name, MARGINS.left, doc.y + 16, { width });
  // Team, e-mail and phone on one line when they fit; else the team on a line of its own, never a number split.
  const [team = '', ...contact] = details;
  const oneLine = details.join('  ·  ');
  const fits = style(doc, 'regular', 8.5).widthOfString(oneLine) <= width;
  const lines = fits ? oneLine : [team, contact.join('  ·  ')].filter((l) => l !== '').join('\n');
  write(doc, { size: 8.5, color: COLOR.muted }, lines, MARGINS.left, doc.y, { width, lineGap: -1 });
}

/** On every page: `left` (e.g. the creditor's legal id), "page n of m" right, under a rule. */
export function drawFooters(doc: Doc, left: string, pageLabel: (page: number, pages: number) => string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const y = bottomLimit(doc) + 18;
    const width = contentWidth(doc);
    doc.page.margins.bottom = 0;
    rule(doc, MARGINS.left, y - 6, width);
    const look = { size: 7.5, color: COLOR.muted };
    write(doc, look, left, MARGINS.left, y, { width: width - 110 });
    write(doc, look, pageLabel(i + 1, range.count), MARGINS.left + width - 110, y, { width: 110, align: 'right' });
  }
}
