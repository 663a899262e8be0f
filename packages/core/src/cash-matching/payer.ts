import { formScore, type NameForm, nameForm } from './names';
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
  buyers: readonly CandidateBuyer[],
  policy: MatchPolicy,
): { buyerId?: string; score: number; reasons: MatchReason[] } {
  const x = nameForm(name);
  const scored = buyers
    .map((b) => ({ id: b.id, score: Math.max(...namesOf(b).map((n) => formScore(x, n))) }))
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

/** A buyer's names and aliases, normalised once per buyer object (the matcher asks for them on every line). */
const normalised = new WeakMap<CandidateBuyer, readonly NameForm[]>();
function namesOf(b: CandidateBuyer): readonly NameForm[] {
  let names = normalised.get(b);
  if (names === undefined) {
    names = [b.name, ...(b.aliases ?? [])].map(nameForm);
    normalised.set(b, names);
  }
  return names;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The payer of a line: a known IBAN names its buyer; an IBAN known for several buyers (a group paying for
 * its companies) is settled by the name among them; without a known IBAN, the name decides.
 */
export function identifyPayer(line: BankLine, buyers: readonly CandidateBuyer[], policy: MatchPolicy): Payer {
  const iban = line.payerIban ? compactIban(line.payerIban) : '';
  const owners = iban === '' ? [] : buyers.filter((b) => (b.ibans ?? []).some((i) => compactIban(i) === iban));
  const [owner] = owners;
  if (owners.length === 1 && owner !== undefined)
    return {
      buyerId: owner.id,
      weight: policy.weights.iban,
      reasons: [{ code: 'iban_known', params: { iban, buyer: owner.id } }],
    };
  const pool = owners.length > 1 ? owners : buyers;
  const shared: MatchReason[] =
    owners.length > 1 ? [{ code: 'iban_shared', params: { iban, buyers: owners.map((o) => o.id).join(', ') } }] : [];
  if (!line.payerName) return { weight: 0, reasons: shared };
  const byName = payerByName(line.payerName, pool, policy);
  if (byName.buyerId === undefined) return { weight: 0, reasons: [...shared, ...byName.reasons] };
  const { cutoff } = policy.name;
  const { nameLow, nameHigh } = policy.weights;
  const t = cutoff >= 1 ? 1 : (byName.score - cutoff) / (1 - cutoff);
  return {
    buyerId: byName.buyerId,
    weight: nameLow + (nameHigh - nameLow) * t,
    reasons: [...shared, ...byName.reasons],
  };
}
