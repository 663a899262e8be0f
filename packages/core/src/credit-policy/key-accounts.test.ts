import { describe, expect, it } from 'vitest';
import { type BuyerTurnover, rankKeyAccounts } from './key-accounts';

const t = (buyerId: string, turnover: bigint): BuyerTurnover => ({ buyerId, turnover });
const portfolio = [t('C', 150n), t('A', 500n), t('E', 40n), t('B', 250n), t('D', 60n), t('Z', 0n)];
const keys = (r: ReturnType<typeof rankKeyAccounts>) => r.filter((x) => x.accountClass === 'key').map((x) => x.buyerId);

describe('rankKeyAccounts', () => {
  it('ranks by turnover and marks the buyers making up the share, the one crossing the line included', () => {
    const r = rankKeyAccounts(portfolio, 2000);
    expect(r.map((x) => [x.buyerId, x.rank, x.shareBp, x.cumulativeBp])).toEqual([
      ['A', 1, 5000, 5000],
      ['B', 2, 2500, 7500],
      ['C', 3, 1500, 9000],
      ['D', 4, 600, 9600],
      ['E', 5, 400, 10000],
      ['Z', 6, 0, 10000],
    ]);
    expect(keys(r)).toEqual(['A']);
    expect(keys(rankKeyAccounts(portfolio, 5000))).toEqual(['A']);
    expect(keys(rankKeyAccounts(portfolio, 5001))).toEqual(['A', 'B']);
    expect(keys(rankKeyAccounts(portfolio, 8000))).toEqual(['A', 'B', 'C']);
  });
  it('by buyers: the first share of the buyers with turnover, rounded up; no turnover is never key', () => {
    expect(keys(rankKeyAccounts(portfolio, 2000, 'buyers'))).toEqual(['A']);
    expect(keys(rankKeyAccounts(portfolio, 2100, 'buyers'))).toEqual(['A', 'B']);
    expect(keys(rankKeyAccounts(portfolio, 10_000, 'buyers'))).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(keys(rankKeyAccounts([t('X', 0n), t('Y', -5n)], 10_000))).toEqual([]);
  });
  it('breaks ties by buyer id and keeps amounts past 2^53 exact', () => {
    const big = 2n ** 60n;
    const r = rankKeyAccounts([t('B', big), t('A', big)], 5000);
    expect(r.map((x) => [x.buyerId, x.shareBp, x.accountClass])).toEqual([
      ['A', 5000, 'key'],
      ['B', 5000, 'simplified'],
    ]);
  });
});
