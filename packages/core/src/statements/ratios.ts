import type { FinancialStatement, StatementLine } from './statement';

/** A ratio's value, or why there is none: a line not reported, a zero denominator, a base it means nothing on. */
export type RatioValue =
  | { readonly ok: true; readonly value: number }
  | {
      readonly ok: false;
      readonly reason: 'missing_line' | 'zero_denominator' | 'not_positive_base' | 'no_prior_year';
      readonly lines: readonly StatementLine[];
    };

export type RatioGroup = 'liquidity' | 'leverage' | 'profitability' | 'efficiency' | 'coverage' | 'growth' | 'score';

export type RatioName =
  | 'currentRatio'
  | 'quickRatio'
  | 'cashRatio'
  | 'workingCapital'
  | 'debtRatio'
  | 'gearing'
  | 'equityRatio'
  | 'returnOnAssets'
  | 'returnOnEquity'
  | 'grossMargin'
  | 'operatingMargin'
  | 'netMargin'
  | 'receivableDays'
  | 'inventoryDays'
  | 'payableDays'
  | 'interestCoverage'
  | 'salesGrowth'
  | 'altmanZ2';

type Lines = (l: StatementLine) => number | undefined;

const missing = (lines: StatementLine[]): RatioValue => ({ ok: false, reason: 'missing_line', lines });

/** Reads lines; the value is computed only when all are reported. `grossProfit` falls back to sales − COGS. */
function reader(s: FinancialStatement): Lines {
  return (l) => {
    const v = s.lines[l];
    if (v !== undefined) return Number(v);
    if (l === 'grossProfit' && s.lines.sales !== undefined && s.lines.costOfGoodsSold !== undefined)
      return Number(s.lines.sales - s.lines.costOfGoodsSold);
    return undefined;
  };
}

type Missing = { readonly ok: false; readonly reason: 'missing_line'; readonly lines: StatementLine[] };

function need(get: Lines, names: readonly StatementLine[]): number[] | Missing {
  const values = names.map(get);
  const absent = names.filter((_, i) => values[i] === undefined);
  return absent.length > 0 ? { ok: false, reason: 'missing_line', lines: absent } : (values as number[]);
}

/** numerator / denominator, each a sum of signed lines; `positive` refuses a denominator ≤ 0. */
function ratio(
  get: Lines,
  num: readonly (readonly [StatementLine, 1 | -1])[],
  den: readonly (readonly [StatementLine, 1 | -1])[],
  options: { times?: number; positive?: boolean } = {},
): RatioValue {
  const n = need(
    get,
    num.map(([l]) => l),
  );
  const d = need(
    get,
    den.map(([l]) => l),
  );
  const absent = [...('ok' in n ? n.lines : []), ...('ok' in d ? d.lines : [])];
  if ('ok' in n || 'ok' in d) return missing(absent);
  const top = num.reduce((s, [, sign], i) => s + sign * (n[i] as number), 0);
  const bottom = den.reduce((s, [, sign], i) => s + sign * (d[i] as number), 0);
  const lines = den.map(([l]) => l);
  if (bottom === 0) return { ok: false, reason: 'zero_denominator', lines };
  if (options.positive && bottom < 0) return { ok: false, reason: 'not_positive_base', lines };
  return { ok: true, value: (top / bottom) * (options.times ?? 1) };
}

const p = (l: StatementLine) => [l, 1] as const;
const m = (l: StatementLine) => [l, -1] as const;
const DAYS = { times: 365 };

/** Altman Z'' for private (and non-manufacturing) firms: 6.56·X1 + 3.26·X2 + 6.72·X3 + 1.05·X4. */
function altmanZ2(get: Lines): RatioValue {
  const x1 = ratio(get, [p('currentAssets'), m('shortTermLiabilities')], [p('totalAssets')], { positive: true });
  const x2 = ratio(get, [p('retainedEarnings')], [p('totalAssets')], { positive: true });
  const x3 = ratio(get, [p('operatingProfit')], [p('totalAssets')], { positive: true });
  const x4 = ratio(get, [p('equity')], [p('shortTermLiabilities'), p('longTermLiabilities')], { positive: true });
  const parts = [x1, x2, x3, x4];
  const bad = parts.filter((x) => !x.ok);
  if (bad.length > 0) {
    const first = bad[0] as Extract<RatioValue, { ok: false }>;
    const lines = [...new Set(bad.flatMap((x) => (x.ok ? [] : x.lines)))];
    return { ok: false, reason: first.reason, lines };
  }
  const [a, b, c, d] = parts.map((x) => (x.ok ? x.value : 0)) as [number, number, number, number];
  return { ok: true, value: 6.56 * a + 3.26 * b + 6.72 * c + 1.05 * d };
}

export interface RatioDefinition {
  readonly group: RatioGroup;
  readonly compute: (get: Lines, prior: Lines | undefined) => RatioValue;
}

/** Every ratio, its group and its formula (docs/domain/ratios.md states each with a worked example). */
export const RATIOS: Readonly<Record<RatioName, RatioDefinition>> = {
  currentRatio: { group: 'liquidity', compute: (g) => ratio(g, [p('currentAssets')], [p('shortTermLiabilities')]) },
  quickRatio: {
    group: 'liquidity',
    compute: (g) => ratio(g, [p('currentAssets'), m('inventory')], [p('shortTermLiabilities')]),
  },
  cashRatio: {
    group: 'liquidity',
    compute: (g) => ratio(g, [p('cash'), p('shortTermSecurities')], [p('shortTermLiabilities')]),
  },
  workingCapital: {
    group: 'liquidity',
    // An amount in major units of the statement's currency, not a ratio.
    compute: (g) => {
      const v = need(g, ['currentAssets', 'shortTermLiabilities']);
      return 'ok' in v ? v : { ok: true, value: (v[0] as number) - (v[1] as number) };
    },
  },
  debtRatio: {
    group: 'leverage',
    compute: (g) => ratio(g, [p('shortTermLiabilities'), p('longTermLiabilities')], [p('totalAssets')]),
  },
  gearing: {
    group: 'leverage',
    compute: (g) => ratio(g, [p('shortTermLiabilities'), p('longTermLiabilities')], [p('equity')], { positive: true }),
  },
  equityRatio: { group: 'leverage', compute: (g) => ratio(g, [p('equity')], [p('totalAssets')]) },
  returnOnAssets: { group: 'profitability', compute: (g) => ratio(g, [p('netProfit')], [p('totalAssets')]) },
  returnOnEquity: {
    group: 'profitability',
    compute: (g) => ratio(g, [p('netProfit')], [p('equity')], { positive: true }),
  },
  grossMargin: { group: 'profitability', compute: (g) => ratio(g, [p('grossProfit')], [p('sales')]) },
  operatingMargin: { group: 'profitability', compute: (g) => ratio(g, [p('operatingProfit')], [p('sales')]) },
  netMargin: { group: 'profitability', compute: (g) => ratio(g, [p('netProfit')], [p('sales')]) },
  receivableDays: { group: 'efficiency', compute: (g) => ratio(g, [p('receivables')], [p('sales')], DAYS) },
  inventoryDays: { group: 'efficiency', compute: (g) => ratio(g, [p('inventory')], [p('costOfGoodsSold')], DAYS) },
  payableDays: { group: 'efficiency', compute: (g) => ratio(g, [p('tradePayables')], [p('costOfGoodsSold')], DAYS) },
  interestCoverage: {
    group: 'coverage',
    compute: (g) => ratio(g, [p('operatingProfit')], [p('interestExpense')]),
  },
  salesGrowth: {
    group: 'growth',
    compute: (g, prior) => {
      if (prior === undefined) return { ok: false, reason: 'no_prior_year', lines: ['sales'] };
      const now = g('sales');
      const before = prior('sales');
      if (now === undefined || before === undefined) return missing(['sales']);
      if (before <= 0)
        return { ok: false, reason: before === 0 ? 'zero_denominator' : 'not_positive_base', lines: ['sales'] };
      return { ok: true, value: now / before - 1 };
    },
  },
  altmanZ2: { group: 'score', compute: (g) => altmanZ2(g) },
};

/**
 * Every ratio of a statement; `prior` is the same buyer's statement of the year before (for growth).
 * Amounts are read in minor units; ratios do not depend on the unit, the working capital is returned in
 * minor units as well.
 */
export function computeRatios(
  s: FinancialStatement,
  prior?: FinancialStatement,
): Readonly<Record<RatioName, RatioValue>> {
  const get = reader(s);
  const before = prior !== undefined && prior.currency === s.currency ? reader(prior) : undefined;
  const out = {} as Record<RatioName, RatioValue>;
  for (const [name, def] of Object.entries(RATIOS) as [RatioName, RatioDefinition][])
    out[name] = def.compute(get, before);
  return out;
}

/** Altman's zones for Z'': above 2.6 safe, 1.1 to 2.6 grey, below 1.1 distress. */
export function altmanZone(z: number): 'safe' | 'grey' | 'distress' {
  return z > 2.6 ? 'safe' : z >= 1.1 ? 'grey' : 'distress';
}
