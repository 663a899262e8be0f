import type { Rng } from '@credence/core';
import { COUNTRIES, type CountryProfile, EUR_PER_UNIT } from './catalog/countries';
import { companyName, emailFor } from './catalog/names';
import { INDUSTRIES, TEAM } from './catalog/people';
import type { BehaviourProfile, BuyerRow } from './rows';

/** A buyer row plus what the ledger generator needs to invent its invoices and payments. */
export interface BuyerPlan {
  readonly index: number;
  readonly row: BuyerRow;
  readonly profile: BehaviourProfile;
  readonly invoiceCount: number;
  /** Typical invoice amount in the buyer's currency, major units (only used to draw amounts). */
  readonly meanAmount: number;
  readonly termsDays: number;
  /** Typical days late for slow payers. */
  readonly lateness: number;
  readonly usesOrderRefs: boolean;
}

/** Concentration of turnover: weight of the buyer of rank r is r^-ZIPF. */
const ZIPF = 1.1;
/** Invoice counts grow slower than turnover: big buyers also get bigger invoices. */
const COUNT_EXPONENT = 0.5;
/** Ranks (1 = largest) given to the special profiles, repeated every 9 ranks for large portfolios. */
const SPECIAL_RANKS: readonly (readonly [BehaviourProfile, number])[] = [
  ['deteriorating', 3],
  ['stopped_paying', 5],
  ['dispute_prone', 7],
];
const SPECIAL_MIN_INVOICES = 48;

export function specialCount(buyers: number): number {
  return Math.max(1, Math.round(buyers / 300));
}

function specialProfiles(buyers: number): Map<number, BehaviourProfile> {
  const byRank = new Map<number, BehaviourProfile>();
  for (let j = 0; j < specialCount(buyers); j++) {
    for (const [profile, rank] of SPECIAL_RANKS) if (rank + 9 * j <= buyers) byRank.set(rank + 9 * j, profile);
  }
  return byRank;
}

/** Splits `total` (≥ one each) in proportion to `weights`, largest remainder first. */
function allocateCounts(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const rest = total - weights.length;
  const exact = weights.map((w) => (rest * w) / sum);
  const counts = exact.map((x) => 1 + Math.floor(x));
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
    left -= 1;
  }
  return counts;
}

function shuffledRanks(rng: Rng, n: number): number[] {
  const ranks = Array.from({ length: n }, (_, i) => i + 1);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [ranks[i], ranks[j]] = [ranks[j] ?? 0, ranks[i] ?? 0];
  }
  return ranks;
}

function groupsOf(rng: Rng, ids: readonly string[]): (string | undefined)[] {
  const group: (string | undefined)[] = ids.map(() => undefined);
  for (let i = 0; i < ids.length; i++) {
    if (group[i] !== undefined || !rng.chance(0.03)) continue;
    group[i] = ids[i];
    for (let c = rng.int(1, 3); c > 0; c--) {
      const j = rng.int(0, ids.length - 1);
      if (group[j] === undefined) group[j] = ids[i];
    }
  }
  return group;
}

const fill = (rng: Rng, format: string): string => format.replace(/#/g, () => String(rng.int(0, 9)));

function regularProfile(rng: Rng): BehaviourProfile {
  return rng.weighted<BehaviourProfile>([
    ['on_time', 50],
    ['slow', 38],
    ['chronic_late', 12],
  ]);
}

function lateness(rng: Rng, profile: BehaviourProfile): number {
  switch (profile) {
    case 'slow':
      return rng.int(12, 40);
    case 'chronic_late':
      return rng.int(45, 95);
    case 'stopped_paying':
      return rng.int(5, 20);
    case 'dispute_prone':
      return rng.int(8, 25);
    default:
      return 0;
  }
}

export const eurPerUnit = (currency: string): number => {
  const r = EUR_PER_UNIT[currency];
  if (!r) throw new RangeError(`no reference rate for ${currency}`);
  return Number(r.coefficient) / 10 ** r.scale;
};

/** The buyers of a portfolio with their size, profile and habits. Deterministic for a seed. */
export function planBuyers(rng: Rng, buyers: number, invoices: number, meanInvoiceEur: number): BuyerPlan[] {
  const width = Math.max(5, String(buyers).length);
  const ids = Array.from({ length: buyers }, (_, i) => `B${String(i + 1).padStart(width, '0')}`);
  const ranks = shuffledRanks(rng, buyers);
  const weights = ranks.map((r) => r ** -ZIPF);
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const counts = allocateCounts(
    invoices,
    weights.map((w) => w ** COUNT_EXPONENT),
  );
  const specials = specialProfiles(buyers);
  const groups = groupsOf(rng, ids);
  const countries = COUNTRIES.map((c) => [c, c.weight] as const);
  const names = new Set<string>();
  return ids.map((id, i) => {
    const rank = ranks[i] ?? 1;
    const profile = specials.get(rank) ?? regularProfile(rng);
    const country: CountryProfile = rng.weighted(countries);
    const currency = rng.weighted(country.currencies);
    let name = companyName(rng, country.names, country.legalForms);
    for (let t = 0; t < 8 && names.has(name); t++) name = companyName(rng, country.names, country.legalForms);
    names.add(name);
    const team = TEAM[country.region];
    const count = counts[i] ?? 1;
    const turnoverEur = ((weights[i] ?? 0) / totalWeight) * invoices * meanInvoiceEur;
    const row: BuyerRow = {
      buyer_id: id,
      name,
      country: country.code,
      currency,
      payment_terms_days: String(rng.weighted(country.terms)),
      legal_id: rng.chance(0.95) ? fill(rng, country.legalIdFormat) : '',
      industry: rng.weighted(INDUSTRIES),
      group_id: groups[i] ?? '',
      language: country.language,
      email: rng.chance(0.9) ? emailFor(name, country.legalForms, id, country.code) : '',
      sales_owner: rng.pick(team.sales),
      collector: team.collector,
    };
    return {
      index: i,
      row,
      profile,
      invoiceCount: specials.has(rank) ? Math.max(count, SPECIAL_MIN_INVOICES) : count,
      meanAmount: turnoverEur / count / eurPerUnit(currency),
      termsDays: Number(row.payment_terms_days),
      lateness: lateness(rng, profile),
      usesOrderRefs: rng.chance(0.6),
    };
  });
}
