import { NameIndex } from './name-index';
import type { MatchPolicy } from './policy';
import { compactReference } from './rf';
import type { BankLine, CandidateBuyer, MatchReason } from './types';

/** Who sent the money, as far as the line tells: a buyer and the evidence's weight, or nobody. */
export interface Payer {
  readonly buyerId?: string;
  /** 0 … 1: how much the payer evidence counts (0 when no buyer). */
  readonly weight: number;
  readonly reasons: readonly MatchReason[];
}

/** IBANs compared without spaces, in upper case. */
export const compactIban = compactReference;

/** The buyer whose name (or alias) is nearest to `name`, with a cut-off; a tie is no match. */
export function payerByName(
  name: string,
  buyers: readonly CandidateBuyer[] | NameIndex,
  policy: MatchPolicy,
): { buyerId?: string; score: number; reasons: MatchReason[] } {
  // Only the buyers that can reach the cut-off, or come within the tie margin of it, decide the answer.
  const index = buyers instanceof NameIndex ? buyers : new NameIndex(buyers);
  const scored = index
    .near(name, policy.name.cutoff - Math.max(0, policy.name.tieMargin))
    .map(({ buyer, score }) => ({ id: buyer.id, score }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
  const [best, second] = scored;
  if (best === undefined || best.score < policy.name.cutoff)
    return {
      score: best?.score ?? 0,
      reasons: [{ code: 'name_below_cutoff', params: { name, cutoff: policy.name.cutoff } }],
    };
  if (second !== undefined && best.score - second.score < policy.name.tieMargin)
    return {
      score: best.score,
      reasons: [{ code: 'name_tie', params: { name, buyers: `${best.id}, ${second.id}`, score: round3(best.score) } }],
    };
  return {
    buyerId: best.id,
    score: best.score,
    reasons: [{ code: 'name_match', params: { name, buyer: best.id, score: round3(best.score) } }],
  };
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The payer of a line: a known IBAN names its buyer; an IBAN known for several buyers (a group paying for
 * its companies) is settled by the name among them; without a known IBAN, the name decides.
 */
export const identifyPayer = (line: BankLine, buyers: readonly CandidateBuyer[], policy: MatchPolicy): Payer =>
  payerFinder(buyers, policy)(line);

/** `identifyPayer` for many lines: the buyers' IBANs and names indexed once. */
export function payerFinder(buyers: readonly CandidateBuyer[], policy: MatchPolicy): (line: BankLine) => Payer {
  const byIban = new Map<string, CandidateBuyer[]>();
  for (const b of buyers)
    for (const i of new Set((b.ibans ?? []).map(compactIban))) byIban.set(i, [...(byIban.get(i) ?? []), b]);
  let names: NameIndex | undefined;
  return (line) => {
    const iban = line.payerIban ? compactIban(line.payerIban) : '';
    const owners = iban === '' ? [] : (byIban.get(iban) ?? []);
    const [owner] = owners;
    if (owners.length === 1 && owner !== undefined)
      return {
        buyerId: owner.id,
        weight: policy.weights.iban,
        reasons: [{ code: 'iban_known', params: { iban, buyer: owner.id } }],
      };
    const shared: MatchReason[] =
      owners.length > 1 ? [{ code: 'iban_shared', params: { iban, buyers: owners.map((o) => o.id).join(', ') } }] : [];
    if (!line.payerName) return { weight: 0, reasons: shared };
    names ??= new NameIndex(buyers);
    const byName = payerByName(line.payerName, owners.length > 1 ? owners : names, policy);
    if (byName.buyerId === undefined) return { weight: 0, reasons: [...shared, ...byName.reasons] };
    const { cutoff } = policy.name;
    const { nameLow, nameHigh } = policy.weights;
    const t = cutoff >= 1 ? 1 : (byName.score - cutoff) / (1 - cutoff);
    return {
      buyerId: byName.buyerId,
      weight: nameLow + (nameHigh - nameLow) * t,
      reasons: [...shared, ...byName.reasons],
    };
  };
}
