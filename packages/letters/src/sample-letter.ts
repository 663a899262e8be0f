import type {
  Creditor,
  Debtor,
  InterestBasis,
  Letter,
  LetterCredit,
  LetterLanguage,
  LetterLine,
  LetterTotal,
} from '@credence/app';
import {
  addDays,
  type BusinessDate,
  type CurrencyCode,
  date,
  daysBetween,
  fixedCompensation,
  money,
  toDecimalString,
} from '@credence/core';

/**
 * Sample letters for tests and previews: two currencies, realistic parties per language; the overdue one also
 * sets a credit note and unapplied payments off in its first currency.
 */
export type SampleVariant = 'overdue' | 'preDue' | 'long' | 'agency';

interface Parties {
  readonly creditor: Creditor;
  readonly debtor: Debtor;
  readonly currencies: readonly [string, string];
}

const EUROPE: Parties = {
  creditor: {
    name: 'Nordwerk Industriebedarf GmbH',
    address: ['Hafenstraße 12', '20457 Hamburg', 'Germany'],
    legalId: 'HRB 123456, Amtsgericht Hamburg',
    bankAccount: {
      bankName: 'Elbe Handelsbank AG',
      accountName: 'Nordwerk Industriebedarf GmbH',
      iban: 'DE89 3704 0044 0532 0130 00',
      swift: 'ELBHDEHHXXX',
    },
    contact: { name: 'Katrin Vogel', email: 'credit@nordwerk.example', phone: '+49 40 1234 5670' },
  },
  debtor: { id: 'C-10023', name: 'Van der Berg Logistics B.V.', address: ['Waalhaven 84', '3087 BM Rotterdam'] },
  currencies: ['EUR', 'USD'],
};

const PARTIES: Record<LetterLanguage, Parties> = {
  en: EUROPE,
  de: EUROPE,
  fr: EUROPE,
  'zh-CN': {
    creditor: {
      name: '上海恒信工业材料有限公司',
      address: ['上海市浦东新区张江路188号', '邮编 201203'],
      legalId: '91310115MA1H8Q2X3L',
      bankAccount: {
        bankName: '浦江商业银行张江支行',
        accountName: '上海恒信工业材料有限公司',
        accountNumber: '1219 0888 6610 501',
        swift: 'PJCBCNSHXXX',
      },
      contact: { name: '王丽娜', email: 'ar@hengxin.example', phone: '+86 21 5080 1234' },
    },
    debtor: {
      id: 'KH-20417',
      name: '深圳市华瑞电子科技有限公司',
      address: ['深圳市南山区高新南七道18号', '邮编 518057'],
    },
    currencies: ['CNY', 'USD'],
  },
  'zh-TW': {
    creditor: {
      name: '晟福精密工業股份有限公司',
      address: ['台中市西屯區工業區三十八路66號'],
      legalId: '24567812',
      bankAccount: {
        bankName: '中台商業銀行西屯分行',
        accountName: '晟福精密工業股份有限公司',
        accountNumber: '0123-456-789012',
        swift: 'ZTCBTWTPXXX',
      },
      contact: { name: '陳怡君', email: 'ar@chengfu.example', phone: '+886 4 2359 0000' },
    },
    debtor: { id: 'TW-3318', name: '高雄海達貿易有限公司', address: ['高雄市前鎮區成功二路25號12樓'] },
    currencies: ['TWD', 'USD'],
  },
};

const INTEREST: Record<LetterLanguage, InterestBasis> = {
  en: { regime: 'eu' },
  de: { regime: 'de-b2b' },
  fr: { regime: 'fr' },
  'zh-CN': { regime: 'cn' },
  'zh-TW': { regime: 'contract', contractRate: '5%/year' },
};

const LETTER_DATE = date('2026-03-15');
const SHAPES = {
  overdue: { count: 7, firstDue: -64, step: 9 },
  preDue: { count: 3, firstDue: 6, step: 9 },
  long: { count: 48, firstDue: -400, step: 8 },
  agency: { count: 4, firstDue: -95, step: 11 },
};

/** Level, tone, channel and next step of each sample. */
const LEVELS = {
  overdue: { levelId: 'second', tone: 'warning', channel: 'email', nextStep: 'credit_hold' },
  preDue: { levelId: 'pre-due', tone: 'reminder', channel: 'email', nextStep: 'email' },
  long: { levelId: 'second', tone: 'final', channel: 'email', nextStep: 'legal' },
  agency: { levelId: 'agency', tone: 'final', channel: 'agency', nextStep: 'legal' },
} as const satisfies Record<SampleVariant, Pick<Letter, 'levelId' | 'tone' | 'channel' | 'nextStep'>>;

export function sampleLetter(language: LetterLanguage, variant: SampleVariant = 'overdue'): Letter {
  const p = PARTIES[language];
  const { count, firstDue, step } = SHAPES[variant];
  const lines = Array.from({ length: count }, (_, i) =>
    line(p, INTEREST[language], i, addDays(LETTER_DATE, firstDue + step * i)),
  );
  const credits = variant === 'overdue' ? sampleCredits(p.currencies[0] as CurrencyCode) : [];
  return {
    // The agency sample has an id as the dunning run makes them (`letterId`): long, hyphenated, prone to wrap.
    id: variant === 'agency' ? `L-20260315-${p.debtor.id}-agency` : `DL-2026-${variant === 'long' ? '0107' : '0042'}`,
    date: LETTER_DATE,
    language,
    ...LEVELS[variant],
    creditor: p.creditor,
    debtor: p.debtor,
    lines,
    credits,
    totals: p.currencies.map((c) => total(lines, credits, c as CurrencyCode, variant === 'overdue' ? 1500n : 0n)),
    interestBasis: INTEREST[language],
    deadline: addDays(LETTER_DATE, variant === 'preDue' ? 20 : 14),
  };
}

/**
 * Document i: amounts in cents that vary with i, interest only once overdue, and the regime's fixed compensation
 * where it gives one in the document's currency.
 */
function line(p: Parties, basis: InterestBasis, i: number, dueDate: BusinessDate): LetterLine {
  const currency = p.currencies[i % 3 === 2 ? 1 : 0] as CurrencyCode;
  const daysOverdue = daysBetween(dueDate, LETTER_DATE);
  const cents = 48_250n + BigInt(i) * 1_372_913n + (i % 2 === 0 ? 12_345_678n : 0n);
  const late = daysOverdue > 0;
  const dec = (amount: bigint) => toDecimalString(money(amount, currency));
  return {
    number: `INV-2026-${String(117 + i * 13).padStart(4, '0')}`,
    currency,
    outstanding: dec(cents),
    dueDate,
    daysOverdue,
    interest: dec(late ? (cents * BigInt(daysOverdue) * 10n) / 36_500n : 0n),
    compensation: dec(
      late && basis.regime !== 'none' ? (fixedCompensation(basis.regime, currency, cents)?.amount ?? 0n) : 0n,
    ),
  };
}

/** An open credit note and a payment not yet applied to any invoice. */
function sampleCredits(currency: CurrencyCode): LetterCredit[] {
  const dec = (amount: bigint) => toDecimalString(money(amount, currency));
  return [
    { kind: 'credit_note', reference: 'CN-2026-0019', date: date('2026-02-20'), currency, amount: dec(1_248_000n) },
    { kind: 'unapplied_cash', currency, amount: dec(315_050n) },
  ];
}

/** Sums per currency; every sample currency has two decimals, so cents are the digits without the point. */
function total(
  lines: readonly LetterLine[],
  credits: readonly LetterCredit[],
  currency: CurrencyCode,
  feeCents: bigint,
): LetterTotal {
  const cents = (s: string) => BigInt(s.replace('.', ''));
  const sum = <T extends { readonly currency: CurrencyCode }>(items: readonly T[], pick: (item: T) => string) =>
    items.filter((item) => item.currency === currency).reduce((a, item) => a + cents(pick(item)), 0n);
  const [outstanding, interest, compensation, credited] = [
    sum(lines, (l) => l.outstanding),
    sum(lines, (l) => l.interest),
    sum(lines, (l) => l.compensation),
    sum(credits, (c) => c.amount),
  ];
  const dec = (amount: bigint) => toDecimalString(money(amount, currency));
  return {
    currency,
    outstanding: dec(outstanding),
    interest: dec(interest),
    compensation: dec(compensation),
    fee: dec(feeCents),
    credits: dec(credited),
    total: dec(outstanding + interest + compensation + feeCents - credited),
  };
}

/** The sample creditor (a German wholesaler), for other documents' tests. */
export const SAMPLE_CREDITOR = EUROPE.creditor;
