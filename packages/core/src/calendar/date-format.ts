import { fail, type Result } from '../result';
import { type BusinessDate, fromParts, parseDate } from './date';

/**
 * Parses dates of foreign exports with a pattern made of YYYY, YY, M, MM, D, DD and any separators:
 * 'M/D/YYYY' reads '3/7/2013', 'DD.MM.YYYY' reads '07.03.2013'. Without a pattern, ISO 'YYYY-MM-DD'.
 */
export function parseDateWithFormat(text: string, format?: string): Result<BusinessDate> {
  if (format === undefined || format === 'YYYY-MM-DD') return parseDate(text);
  const tokens = format.match(/YYYY|YY|MM|M|DD|D|[^YMD]+/g) ?? [];
  const fields: string[] = [];
  const pattern = tokens
    .map((t) => {
      if (/^[YMD]/.test(t)) {
        fields.push(t[0] ?? '');
        return t === 'YYYY' ? '(\\d{4})' : t.length === 2 ? '(\\d{2})' : '(\\d{1,2})';
      }
      return t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  const m = new RegExp(`^${pattern}$`).exec(text.trim());
  if (!m) return fail('invalid_date', { value: text, format });
  let y = 0;
  let mo = 0;
  let d = 0;
  fields.forEach((f, i) => {
    const v = Number(m[i + 1]);
    if (f === 'Y') y = v < 100 ? 2000 + v : v;
    else if (f === 'M') mo = v;
    else d = v;
  });
  const r = fromParts(y, mo, d);
  return r.ok ? r : fail('invalid_date', { value: text, format });
}
