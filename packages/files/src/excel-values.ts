import type { CellValue } from 'exceljs';

/**
 * An Excel number as an exact decimal string. Excel keeps 15 significant digits and stores doubles, so a
 * cell showing 0.3 may hold 0.30000000000000004: we round to 15 significant digits (what Excel shows)
 * and drop trailing zeros. Limit: amounts with more than 15 significant digits (e.g. 1234567890123.456)
 * cannot survive a numeric cell; store them as text cells.
 */
export function excelNumber(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
  if (Number.isSafeInteger(n)) return String(n);
  const [mantissa = '', exp = '0'] = n.toPrecision(15).split('e');
  const negative = mantissa.startsWith('-');
  const unsigned = negative ? mantissa.slice(1) : mantissa;
  const dot = unsigned.indexOf('.');
  const digits = unsigned.replace('.', '');
  const point = (dot === -1 ? unsigned.length : dot) + Number(exp);
  let int: string;
  let frac: string;
  if (point <= 0) {
    int = '0';
    frac = '0'.repeat(-point) + digits;
  } else if (point >= digits.length) {
    int = digits + '0'.repeat(point - digits.length);
    frac = '';
  } else {
    int = digits.slice(0, point);
    frac = digits.slice(point);
  }
  frac = frac.replace(/0+$/, '');
  int = int.replace(/^0+(?=\d)/, '');
  const text = frac === '' ? int : `${int}.${frac}`;
  return negative && text !== '0' ? `-${text}` : text;
}

/** A date cell as 'YYYY-MM-DD' (ExcelJS gives UTC-midnight Dates; a time of day is dropped). */
export function excelDate(d: Date): string {
  const y = String(d.getUTCFullYear()).padStart(4, '0');
  const m = String(d.getUTCMonth() + 1).padStart(2, '0');
  const day = String(d.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}

/** Any cell value as the text an import reads: numbers exact, dates ISO, formulas by their result. */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return excelNumber(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return excelDate(v);
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('error' in v) return v.error;
  if ('hyperlink' in v) return typeof v.text === 'string' ? v.text : cellText(v.text as CellValue);
  if ('formula' in v || 'sharedFormula' in v) return cellText((v as { result?: CellValue }).result);
  return '';
}
