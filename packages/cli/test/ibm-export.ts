/**
 * Writes an export in the layout of the IBM "Accounts Receivable" sample (made-up rows, same columns and
 * formats: M/D/YYYY dates, dollar amounts with cents, SettledDate empty when unpaid), deterministically.
 */
export interface IbmRow {
  countryCode: string;
  customerID: string;
  PaperlessDate: string;
  invoiceNumber: string;
  InvoiceDate: string;
  DueDate: string;
  InvoiceAmount: string;
  Disputed: string;
  SettledDate: string;
  PaperlessBill: string;
  DaysToSettle: string;
  DaysLate: string;
}

const HEADER: (keyof IbmRow)[] = [
  'countryCode',
  'customerID',
  'PaperlessDate',
  'invoiceNumber',
  'InvoiceDate',
  'DueDate',
  'InvoiceAmount',
  'Disputed',
  'SettledDate',
  'PaperlessBill',
  'DaysToSettle',
  'DaysLate',
];

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Day arithmetic with UTC dates (independent of Credence's own calendar code on purpose).
const fromUtc = (d: Date) => `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`;
const plus = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

export function ibmRows(n: number, seed = 7): IbmRow[] {
  const r = rng(seed);
  const customers = Array.from(
    { length: 12 },
    (_, i) => `${String(1000 + i * 37).padStart(4, '0')}-${'ABCDEFGHIJKL'[i]}XQZT`,
  );
  const countries = ['391', '406', '770', '818', '897'];
  const rows: IbmRow[] = [];
  for (let i = 0; i < n; i++) {
    const c = Math.floor(r() * customers.length);
    const issued = plus(new Date(Date.UTC(2012, 0, 2)), Math.floor(r() * 760));
    const due = plus(issued, 30);
    const cents = 500 + Math.floor(r() * 12_000_00);
    const paid = r() < 0.9;
    const settleDays = Math.floor(r() * 75);
    const settled = plus(issued, settleDays);
    const late = Math.max(0, settleDays - 30);
    rows.push({
      countryCode: countries[c % countries.length] ?? '391',
      customerID: customers[c] ?? 'X',
      PaperlessDate: fromUtc(plus(issued, -400)),
      invoiceNumber: String(611000 + i * 7),
      InvoiceDate: fromUtc(issued),
      DueDate: fromUtc(due),
      InvoiceAmount: `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`,
      Disputed: r() < 0.2 ? 'Yes' : 'No',
      SettledDate: paid ? fromUtc(settled) : '',
      PaperlessBill: r() < 0.5 ? 'Paper' : 'Electronic',
      DaysToSettle: paid ? String(settleDays) : '',
      DaysLate: paid ? String(late) : '',
    });
  }
  return rows;
}

export function ibmCsv(rows: readonly IbmRow[]): string {
  return `${HEADER.join(',')}\r\n${rows.map((row) => HEADER.map((h) => row[h]).join(',')).join('\r\n')}\r\n`;
}

/**
 * The independent calculation: open amount in cents per aging bucket as of a date, straight from the
 * export's own columns (an invoice is open if issued on or before `asOf` and not settled by then).
 */
export function independentAging(rows: readonly IbmRow[], asOf: Date): Map<string, number> {
  const parse = (s: string) => {
    const [m, d, y] = s.split('/').map(Number);
    return Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1);
  };
  const cents = (s: string) => {
    const [units, frac = ''] = s.split('.');
    return Number(units) * 100 + Number(frac.padEnd(2, '0'));
  };
  const t = asOf.getTime();
  const out = new Map<string, number>();
  for (const row of rows) {
    if (parse(row.InvoiceDate) > t) continue;
    if (row.SettledDate !== '' && parse(row.SettledDate) <= t) continue;
    const days = Math.round((t - parse(row.DueDate)) / 86_400_000);
    const label =
      days <= 0
        ? 'not_due'
        : days <= 30
          ? '1-30'
          : days <= 60
            ? '31-60'
            : days <= 90
              ? '61-90'
              : days <= 180
                ? '91-180'
                : days <= 365
                  ? '181-365'
                  : '365+';
    out.set(label, (out.get(label) ?? 0) + cents(row.InvoiceAmount));
  }
  return out;
}
