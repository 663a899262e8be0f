import type { CaseFile, InterestBasis } from '@credence/app';
import type { Grid } from './case-pdf-grid';
import type { Pair } from './compose';
import { formatAmount, formatDate } from './format';
import { COLOR, contentWidth, type Doc, ensureSpace, MARGINS, pairs, rule, write } from './pdf-layout';

/** What each interest regime claims, in words for the agency. */
const REGIMES: Record<InterestBasis['regime'], string> = {
  eu: 'statutory interest under Directive 2011/7/EU (reference rate + 8 percentage points) and a fixed compensation of EUR 40 per overdue invoice',
  uk: 'statutory interest under the Late Payment of Commercial Debts (Interest) Act 1998 (Bank of England base rate + 8%) and a fixed sum of £40, £70 or £100 per overdue invoice',
  'de-b2b':
    'default interest under § 288 (2) BGB (base rate + 9 percentage points) and the lump sum of EUR 40 per overdue invoice under § 288 (5) BGB',
  'de-consumer': 'default interest under § 288 (1) BGB (base rate + 5 percentage points)',
  fr: 'late-payment penalties under Article L441-10 of the French Commercial Code (ECB rate + 10 percentage points) and a fixed indemnity of EUR 40 per invoice',
  cn: 'interest and damages as agreed in the contract and under the Civil Code of the People’s Republic of China',
  contract: 'the contractually agreed rate',
  none: 'no interest (none is claimed; the creditor reserves the right to do so)',
};

const LEVELS: Record<string, string> = { agency: 'Collection agency', legal: 'Legal action' };

export const levelName = (level: string): string => LEVELS[level] ?? level;
const date = (d: string) => formatDate(d as CaseFile['asOf'], 'en');
const amount = (a: string | null, currency: string) => (a === null ? 'n/a' : formatAmount(a, currency, 'en'));

/** The interest basis in one sentence, with the rate agreed by contract when there is one. */
export function basisSentence(file: CaseFile): string {
  const { regime, contractRate } = file.interestBasis;
  const basis =
    regime === 'contract'
      ? `${REGIMES.contract}${contractRate ? ` of ${contractRate}` : ''}`
      : `${REGIMES[regime]}${contractRate ? `; contract rate ${contractRate}` : ''}`;
  return (
    `Interest basis: ${basis}. Interest and compensation are computed to ${date(file.asOf)}; ` +
    'n/a marks a document for which they could not be computed.'
  );
}

/** A section title in brand colour over a thin rule, kept on a page with `keep` points of what follows. */
export function heading(doc: Doc, text: string, keep = 60): void {
  ensureSpace(doc, 28 + keep);
  doc.y += 6;
  write(doc, { size: 11.5, weight: 'bold', color: COLOR.brand }, text, MARGINS.left, doc.y, {
    width: contentWidth(doc),
  });
  rule(doc, MARGINS.left, doc.y + 2, contentWidth(doc), COLOR.brand, 0.8);
  doc.y += 9;
}

/** Creditor left, debtor right, each as label/value pairs under a small heading. */
export function drawParties(doc: Doc, file: CaseFile): void {
  const { creditor: c, debtor: d } = file;
  const bank = c.bankAccount;
  const creditor: Pair[] = [
    ['Name', c.name],
    ['Address', c.address.join('\n')],
    ...(c.legalId ? [['Legal id', c.legalId] as const] : []),
    ['Contact', [c.contact.name, c.contact.email, c.contact.phone].filter(Boolean).join('\n')],
    [
      'Bank account',
      [
        bank.bankName,
        bank.accountName,
        bank.iban && `IBAN ${bank.iban}`,
        bank.accountNumber && `Account ${bank.accountNumber}`,
        bank.swift && `SWIFT ${bank.swift}`,
      ]
        .filter(Boolean)
        .join('\n'),
    ],
  ];
  const debtor: Pair[] = [
    ['Customer id', d.id],
    ['Name', d.name],
    ['Address', d.address.join('\n')],
    ['Country', d.country],
    ...(d.legalId ? [['Legal id', d.legalId] as const] : []),
    ...(d.email ? [['E-mail', d.email] as const] : []),
    ...(d.phone ? [['Phone', d.phone] as const] : []),
  ];
  const gap = 24;
  const width = (contentWidth(doc) - gap) / 2;
  const top = doc.y;
  const column = (title: string, rows: readonly Pair[], x: number) => {
    write(doc, { size: 9.5, weight: 'bold' }, title, x, top, { width });
    return pairs(doc, rows, x, doc.y + 4, width);
  };
  const bottoms = [column('Creditor', creditor, MARGINS.left), column('Debtor', debtor, MARGINS.left + width + gap)];
  doc.x = MARGINS.left;
  doc.y = Math.max(...bottoms) + 10;
}

/** Claim per currency: outstanding, interest to date, compensation, the debtor's credits and the total. */
export const claimTable = (file: CaseFile) => ({
  headers: ['Currency', 'Outstanding', 'Interest to date', 'Compensation', 'Less credits', 'Total claim'],
  rows: file.totals.map((t) => [
    t.currency,
    ...[t.outstanding, t.interest, t.compensation, t.credits, t.total].map((a) => amount(a, t.currency)),
  ]),
  firstRight: 1,
});

/** The debtor's credits set off: open credit notes (number, date) and payments not yet allocated. */
export const creditsGrid = (file: CaseFile): Grid => ({
  columns: [{ header: 'Credit', flex: true }, { header: 'Date' }, { header: 'Amount', align: 'right' }],
  rows: file.credits.map((c) => [
    c.kind === 'credit_note' ? `Credit note ${c.reference ?? ''}` : 'Payments received, not yet allocated',
    c.date ? date(c.date) : '',
    amount(c.amount, c.currency),
  ]),
});

export const documentsGrid = (file: CaseFile): Grid => ({
  columns: [
    { header: 'Document' },
    { header: 'Issued', flex: true },
    { header: 'Due', flex: true },
    ...['Days overdue', 'Amount', 'Outstanding', 'Interest', 'Compensation'].map((header) => ({
      header,
      align: 'right' as const,
    })),
  ],
  rows: file.documents.map((d) => [
    d.disputed ? `${d.number}\nDISPUTED` : d.number,
    date(d.issueDate),
    date(d.dueDate),
    String(d.daysOverdue),
    ...[d.amount, d.outstanding, d.interest, d.compensation].map((a) => amount(a, d.currency)),
  ]),
  size: 7.5,
  minSize: 6.75,
  marked: (i) => file.documents[i]?.disputed === true,
});

export const lettersGrid = (file: CaseFile): Grid => ({
  columns: [
    { header: 'Date' },
    { header: 'Level' },
    { header: 'Channel' },
    { header: 'Payment deadline' },
    { header: 'Deliveries', flex: true },
  ],
  rows: file.letters.map((l) => [
    date(l.date),
    l.level,
    l.channel,
    date(l.deadline),
    l.deliveries.length > 0 ? l.deliveries.join('\n') : 'none recorded',
  ]),
});

export const historyGrid = (file: CaseFile): Grid => ({
  columns: [{ header: 'Date' }, { header: 'What' }, { header: 'By' }, { header: 'Summary', flex: true }],
  rows: file.history.map((e) => [date(e.date), e.kind.replaceAll('_', ' '), e.by ?? '', e.summary]),
});
