import { type BusinessDate, mixSeed, Rng } from '@credence/core';
import type { BehaviourProfile, BuyerRow } from './rows';

/** Columns of the demo's statements file (the canonical `import statements` columns it fills). */
export const STATEMENT_COLUMNS = [
  'buyer_id',
  'fiscal_year',
  'period_end',
  'currency',
  'unit',
  'cash',
  'receivables',
  'inventory',
  'current_assets',
  'fixed_assets',
  'total_assets',
  'short_term_liabilities',
  'long_term_liabilities',
  'trade_payables',
  'equity',
  'share_capital',
  'retained_earnings',
  'sales',
  'cost_of_goods_sold',
  'operating_profit',
  'depreciation',
  'interest_expense',
  'net_profit',
] as const;

/** Health of a balance sheet by profile: equity ratio, current ratio, net margin (each drawn in a range). */
const HEALTH: Readonly<Record<BehaviourProfile, readonly [[number, number], [number, number], [number, number]]>> = {
  on_time: [
    [0.35, 0.6],
    [1.4, 2.4],
    [0.03, 0.09],
  ],
  slow: [
    [0.2, 0.4],
    [1.0, 1.5],
    [0.0, 0.04],
  ],
  chronic_late: [
    [0.12, 0.3],
    [0.9, 1.3],
    [-0.01, 0.02],
  ],
  dispute_prone: [
    [0.2, 0.4],
    [1.1, 1.6],
    [0.01, 0.05],
  ],
  deteriorating: [
    [0.05, 0.15],
    [0.75, 1.0],
    [-0.06, -0.01],
  ],
  stopped_paying: [
    [-0.2, -0.02],
    [0.4, 0.7],
    [-0.2, -0.08],
  ],
};

const k = (x: number) => String(Math.round(x));

/**
 * Two fiscal years of statements (in thousands) per demo buyer, ending before `asOf`, consistent with its
 * payment profile: punctual buyers have sound balance sheets, the deteriorating one was sound a year before
 * and is weak now, the one that stopped paying is insolvent. `purchasesFromUs` (a year, major units) sets the
 * size: we are one supplier among many. Deterministic for a seed.
 */
export function demoStatementRows(
  buyers: readonly BuyerRow[],
  profiles: ReadonlyMap<string, BehaviourProfile>,
  purchasesFromUs: ReadonlyMap<string, number>,
  seed: number,
  asOf: BusinessDate,
): Record<(typeof STATEMENT_COLUMNS)[number], string>[] {
  const latest = Number(asOf.slice(0, 4)) - (asOf.slice(5) >= '04-30' ? 1 : 2);
  const rows: Record<(typeof STATEMENT_COLUMNS)[number], string>[] = [];
  buyers.forEach((b, i) => {
    const rng = new Rng(mixSeed(seed, i, 7));
    const profile = profiles.get(b.buyer_id) ?? 'on_time';
    const share = 0.01 + rng.next() * 0.06; // our share of its purchases
    const sales = Math.max(500, (purchasesFromUs.get(b.buyer_id) ?? 0) / share / 0.75 / 1000);
    for (const year of [latest - 1, latest]) {
      const health = profile === 'deteriorating' && year < latest ? HEALTH.slow : HEALTH[profile];
      const draw = ([lo, hi]: readonly [number, number]) => lo + rng.next() * (hi - lo);
      const equityRatio = draw(health[0]);
      const currentRatio = draw(health[1]);
      const margin = draw(health[2]);
      const growth = year < latest ? 1 : 1 + (rng.next() - 0.4) * 0.2;
      const s = sales * growth * (year < latest ? 0.95 : 1);
      const ta = s * (0.6 + rng.next() * 0.5);
      const ca = ta * (0.45 + rng.next() * 0.25);
      const stl = ca / currentRatio;
      const equity = ta * equityRatio;
      const ltl = Math.max(0, ta - equity - stl);
      const inventory = ca * (0.2 + rng.next() * 0.2);
      const receivables = s * ((30 + rng.next() * 50) / 365);
      const cash = Math.max(0, ca - inventory - receivables);
      const cogs = s * (0.7 + rng.next() * 0.12);
      const depreciation = ta * 0.03;
      const interest = (stl + ltl) * 0.04;
      const net = s * margin;
      const ebit = net / 0.8 + interest;
      rows.push({
        buyer_id: b.buyer_id,
        fiscal_year: String(year),
        period_end: `${year}-12-31`,
        currency: b.currency,
        unit: '1000',
        cash: k(cash),
        receivables: k(receivables),
        inventory: k(inventory),
        current_assets: k(ca),
        fixed_assets: k(ta - ca),
        total_assets: k(ta),
        short_term_liabilities: k(stl),
        long_term_liabilities: k(ltl),
        trade_payables: k(cogs * (40 / 365)),
        equity: k(equity),
        share_capital: k(Math.max(25, Math.abs(equity) * 0.2)),
        retained_earnings: k(equity - Math.max(25, Math.abs(equity) * 0.2)),
        sales: k(s),
        cost_of_goods_sold: k(cogs),
        operating_profit: k(ebit),
        depreciation: k(depreciation),
        interest_expense: k(interest),
        net_profit: k(net),
      });
    }
  });
  return rows;
}
