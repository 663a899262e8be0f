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
 * prefix filter (as in set-similarity joins) look up only the rarest characters of x. When even those are
 * common (names built from the same words), every name is checked, by the character bound alone.
 *
 * Statements repeat their payers, written a little differently each time: the answer is kept per normalised
 * name and threshold, so "ACME GMBH" and "Acme GmbH" are looked up once.
 */
export class NameIndex {
  private readonly names: { readonly buyer: CandidateBuyer; readonly form: NameForm }[] = [];
  /** Each character of the buyers' names → a slot (0, 1, …). */
  private readonly slots = new Map<number, number>();
  /** The names' characters as (slot, count) pairs: name i's pairs are at `start[i]` … `start[i + 1]`. */
  private readonly pairSlot: number[] = [];
  private readonly pairCount: number[] = [];
  private readonly start: number[] = [0];
  /** postings[slot][k − 1]: the names holding the slot's character at least k times. */
  private readonly postings: number[][][] = [];
  private readonly answers = new Map<string, readonly { buyer: CandidateBuyer; score: number }[]>();
  /** Scratch: the query's count per slot, and which names a query has already taken as candidates. */
  private readonly xCount: Int32Array;
  private readonly stamp: Uint32Array;
  private query = 0;
  /** Work counters (tests, benchmarks): names checked by the character bound, names scored by Jaro-Winkler. */
  readonly work = { checked: 0, scored: 0 };

  constructor(buyers: readonly CandidateBuyer[]) {
    for (const buyer of buyers)
      for (const name of [buyer.name, ...(buyer.aliases ?? [])]) {
        const form = nameForm(name);
        if (form.text === '') continue;
        const at = this.names.length;
        this.names.push({ buyer, form });
        for (const [c, n] of countsOf(form.whole)) {
          let slot = this.slots.get(c);
          if (slot === undefined) {
            slot = this.slots.size;
            this.slots.set(c, slot);
            this.postings.push([]);
          }
          this.pairSlot.push(slot);
          this.pairCount.push(n);
          const lists = this.postings[slot] as number[][];
          for (let k = 0; k < n; k++) {
            if (lists[k] === undefined) lists[k] = [];
            (lists[k] as number[]).push(at);
          }
        }
        this.start.push(this.pairSlot.length);
      }
    this.xCount = new Int32Array(this.slots.size);
    this.stamp = new Uint32Array(this.names.length);
  }

  /** Each buyer whose best name scores at least `threshold` against `name`, with that score (any order). */
  near(name: string | NameForm, threshold: number): { buyer: CandidateBuyer; score: number }[] {
    const x = typeof name === 'string' ? nameForm(name) : name;
    if (x.text === '') return [];
    const key = `${threshold}\u0000${x.text}`;
    let answer = this.answers.get(key);
    if (answer === undefined) {
      answer = this.search(x, threshold);
      this.answers.set(key, answer);
    }
    return [...answer];
  }

  private search(x: NameForm, threshold: number): { buyer: CandidateBuyer; score: number }[] {
    const L = x.whole.length;
    const r = 3 * Math.max(0, (threshold - 0.4) / 0.6) - 1;
    const xCounts = countsOf(x.whole);
    const known: number[] = [];
    let unknown = 0;
    for (const [c, n] of xCounts) {
      const slot = this.slots.get(c);
      if (slot === undefined) unknown += n;
      else {
        known.push(slot);
        this.xCount[slot] = n;
      }
    }
    try {
      const best = new Map<CandidateBuyer, number>();
      const consider = (i: number) => {
        const n = this.names[i];
        if (n === undefined) return;
        const M = n.form.whole.length;
        if (r > 0) {
          this.work.checked++;
          if (this.common(i) < (r * L * M) / (L + M) - 1e-9) return;
        }
        this.work.scored++;
        const score = formScore(x, n.form);
        if (score >= threshold && score > (best.get(n.buyer) ?? -1)) best.set(n.buyer, score);
      };
      const probe = r <= 0 ? undefined : this.probe(known, L, r, unknown);
      if (probe === undefined) for (let i = 0; i < this.names.length; i++) consider(i);
      else {
        const q = ++this.query;
        for (const list of probe)
          for (const i of list)
            if (this.stamp[i] !== q) {
              this.stamp[i] = q;
              consider(i);
            }
      }
      return [...best].map(([buyer, score]) => ({ buyer, score }));
    } finally {
      for (const slot of known) this.xCount[slot] = 0;
    }
  }

  /**
   * The postings of x's rarest L − need + 1 tokens (a token: a character and its occurrence number), where need
   * is the fewest common characters any admissible length allows: a name sharing that many with x holds one of
   * them. Undefined when they list more names than there are (then every name is checked).
   */
  private probe(known: readonly number[], L: number, r: number, unknown: number): number[][] | undefined {
    const minLength = r > 1 ? (r - 1) * L : 0;
    const need = Math.max(1, Math.ceil((r * L * minLength) / (L + minLength) - 1e-9));
    // A character no buyer name has is the rarest token of all: it finds nobody.
    const take = Math.max(0, L - need + 1 - unknown);
    const tokens: number[][] = [];
    for (const slot of known) {
      const lists = this.postings[slot] ?? [];
      for (let k = 0; k < (this.xCount[slot] ?? 0); k++) tokens.push(lists[k] ?? []);
    }
    tokens.sort((a, b) => a.length - b.length);
    const probe = tokens.slice(0, take);
    const listed = probe.reduce((s, l) => s + l.length, 0);
    return listed > this.names.length ? undefined : probe;
  }

  /** The characters name i has in common with the query, as multisets. */
  private common(i: number): number {
    let n = 0;
    const end = this.start[i + 1] ?? 0;
    for (let p = this.start[i] ?? 0; p < end; p++) {
      const want = this.pairCount[p] ?? 0;
      const have = this.xCount[this.pairSlot[p] ?? 0] ?? 0;
      n += want < have ? want : have;
    }
    return n;
  }
}

function countsOf(codePoints: readonly number[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const c of codePoints) counts.set(c, (counts.get(c) ?? 0) + 1);
  return counts;
}
