import { formScore, type NameForm, nameForm } from './names';
import type { CandidateBuyer } from './types';

/**
 * An index of the buyers' names for fuzzy payer matching: a payer name is scored only against the buyers that
 * can reach a threshold, not against every buyer. Sound, not a heuristic: the buyers it leaves out cannot score
 * the threshold, so the answer is the one a comparison with every buyer gives.
 *
 * Why: `formScore` is Jaro-Winkler (prefix scale 0.1, up to 4 characters), so a score s needs a Jaro similarity
 * j ≥ (s − 0.4) / 0.6, and j ≤ (m/|x| + m/|y| + 1) / 3 where m, the matching characters, is at most the common
 * characters of the two names (as multisets; the sorted-words form has the same characters). So a buyer name y
 * needs at least r·|x|·|y| / (|x| + |y|) common characters with r = 3j − 1, which bounds |y| and lets a
 * prefix filter (as in set-similarity joins) look up only the rarest characters of x.
 */
export class NameIndex {
  private readonly names: { readonly buyer: CandidateBuyer; readonly form: NameForm; readonly counts: Counts }[] = [];
  /** Token (a character and its occurrence number, `e#2`) → the names holding it. */
  private readonly postings = new Map<string, number[]>();

  constructor(buyers: readonly CandidateBuyer[]) {
    for (const buyer of buyers)
      for (const name of [buyer.name, ...(buyer.aliases ?? [])]) {
        const form = nameForm(name);
        if (form.text === '') continue;
        const at = this.names.length;
        const counts = countsOf(form.whole);
        this.names.push({ buyer, form, counts });
        for (const t of tokensOf(counts)) {
          const list = this.postings.get(t);
          if (list === undefined) this.postings.set(t, [at]);
          else list.push(at);
        }
      }
  }

  /** Each buyer whose best name scores at least `threshold` against `name`, with that score (any order). */
  near(name: string | NameForm, threshold: number): { buyer: CandidateBuyer; score: number }[] {
    const x = typeof name === 'string' ? nameForm(name) : name;
    if (x.text === '') return [];
    const L = x.whole.length;
    const r = 3 * Math.max(0, (threshold - 0.4) / 0.6) - 1;
    const xCounts = countsOf(x.whole);
    let probe: string[];
    if (r <= 0) probe = [];
    else {
      // The fewest common characters any admissible length allows; a name sharing that many with x shares one of
      // x's rarest L − need + 1 tokens.
      const minLength = r > 1 ? (r - 1) * L : 0;
      const need = Math.max(1, Math.ceil((r * L * minLength) / (L + minLength) - 1e-9));
      const tokens = tokensOf(xCounts).sort(
        (a, b) => (this.postings.get(a)?.length ?? 0) - (this.postings.get(b)?.length ?? 0) || (a < b ? -1 : 1),
      );
      probe = tokens.slice(0, Math.max(0, L - need + 1));
    }
    const seen = new Set<number>();
    const candidates = r <= 0 ? this.names.map((_, i) => i) : [];
    for (const t of probe)
      for (const i of this.postings.get(t) ?? [])
        if (!seen.has(i)) {
          seen.add(i);
          candidates.push(i);
        }
    const best = new Map<CandidateBuyer, number>();
    for (const i of candidates) {
      const n = this.names[i];
      if (n === undefined) continue;
      const M = n.form.whole.length;
      if (r > 0 && common(xCounts, n.counts) < (r * L * M) / (L + M) - 1e-9) continue;
      const score = formScore(x, n.form);
      if (score >= threshold && score > (best.get(n.buyer) ?? -1)) best.set(n.buyer, score);
    }
    return [...best].map(([buyer, score]) => ({ buyer, score }));
  }
}

type Counts = ReadonlyMap<number, number>;

function countsOf(codePoints: readonly number[]): Counts {
  const counts = new Map<number, number>();
  for (const c of codePoints) counts.set(c, (counts.get(c) ?? 0) + 1);
  return counts;
}

function tokensOf(counts: Counts): string[] {
  const out: string[] = [];
  for (const [c, n] of counts) for (let k = 1; k <= n; k++) out.push(`${c}#${k}`);
  return out;
}

/** The characters two names have in common, as multisets. */
function common(a: Counts, b: Counts): number {
  let n = 0;
  for (const [c, k] of a) n += Math.min(k, b.get(c) ?? 0);
  return n;
}
