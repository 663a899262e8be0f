/** One buyer's turnover over the window, in the reporting currency (minor units). */
export interface BuyerTurnover {
  readonly buyerId: string;
  readonly turnover: bigint;
}

export interface RankedAccount extends BuyerTurnover {
  /** 1 = the largest turnover. */
  readonly rank: number;
  /** The buyer's share of the portfolio's turnover, basis points rounded down. */
  readonly shareBp: number;
  /** The share of the buyers ranked above it and itself, basis points rounded down. */
  readonly cumulativeBp: number;
  /** `key`: full assessment (financials, quarterly review); `simplified`: payment behaviour and external grade. */
  readonly accountClass: 'key' | 'simplified';
}

const bp = (part: bigint, total: bigint): number => (total <= 0n ? 0 : Number((part * 10_000n) / total));

/**
 * Ranks the portfolio by turnover (largest first, then buyer id) and marks the **key accounts** (重点管控): the
 * buyers that make up the first `shareBp` of the turnover — a buyer is key while the turnover ranked above it is
 * still short of that share, so the buyer that crosses the line is key too. A buyer with no positive turnover is
 * never key. With `basis: 'buyers'` the first `shareBp` of the buyers with turnover are key instead.
 */
export function rankKeyAccounts(
  turnovers: readonly BuyerTurnover[],
  shareBp: number,
  /** `buyers`: the first `shareBp` of the buyers with turnover instead (ABC's top 20 % of customers), rounded up. */
  basis: 'turnover' | 'buyers' = 'turnover',
): RankedAccount[] {
  const sorted = [...turnovers].sort((a, b) =>
    a.turnover !== b.turnover ? (a.turnover > b.turnover ? -1 : 1) : a.buyerId < b.buyerId ? -1 : 1,
  );
  const total = sorted.reduce((s, t) => s + (t.turnover > 0n ? t.turnover : 0n), 0n);
  const line = total * BigInt(shareBp); // compared with above × 10000: no rounding
  const selling = sorted.filter((t) => t.turnover > 0n).length;
  const topCount = Math.ceil((selling * shareBp) / 10_000);
  let above = 0n;
  return sorted.map((t, i) => {
    const key = t.turnover > 0n && (basis === 'buyers' ? i < topCount : above * 10_000n < line);
    if (t.turnover > 0n) above += t.turnover;
    return {
      ...t,
      rank: i + 1,
      shareBp: bp(t.turnover > 0n ? t.turnover : 0n, total),
      cumulativeBp: bp(above, total),
      accountClass: key ? 'key' : 'simplified',
    };
  });
}
