import { DocumentFinder } from './documents';
import { compactReference, findRfs, isValidRf } from './rf';
import type { BankLine, CandidateItem, MatchReason } from './types';

/** Items found through a reference Credence printed (RF or a letter id) or the line's EndToEndId. */
export interface ReferenceHit {
  readonly item: CandidateItem;
  readonly reason: MatchReason;
}

/** Looks up the references printed for the candidate items: RF references by their compact text, others as tokens. */
export class ReferenceIndex {
  private readonly byCompact = new Map<string, CandidateItem[]>();
  private readonly tokens: DocumentFinder<{ number: string; item: CandidateItem }>;

  constructor(items: readonly CandidateItem[]) {
    const plain: { number: string; item: CandidateItem }[] = [];
    for (const item of items)
      for (const ref of item.references ?? []) {
        const key = compactReference(ref);
        if (key === '') continue;
        const list = this.byCompact.get(key) ?? [];
        list.push(item);
        this.byCompact.set(key, list);
        if (!isValidRf(key)) plain.push({ number: ref, item });
      }
    this.tokens = new DocumentFinder(plain);
  }

  /** The items the line's structured reference, EndToEndId and remittance text point to, with why. */
  find(line: BankLine): ReferenceHit[] {
    const hits: ReferenceHit[] = [];
    const seen = new Set<CandidateItem>();
    const add = (items: readonly CandidateItem[], reason: MatchReason) => {
      for (const item of items)
        if (!seen.has(item)) {
          seen.add(item);
          hits.push({ item, reason });
        }
    };
    const whole = (text: string | undefined, code: 'end_to_end_id' | undefined) => {
      if (!text) return;
      const key = compactReference(text);
      const items = this.byCompact.get(key);
      if (items) add(items, reasonFor(key, code));
    };
    whole(line.structuredRef, undefined);
    whole(line.endToEndId, 'end_to_end_id');
    for (const text of [line.structuredRef, line.remittance, line.endToEndId]) {
      if (!text) continue;
      for (const rf of findRfs(text)) add(this.byCompact.get(rf) ?? [], reasonFor(rf, undefined));
      for (const t of this.tokens.find([text])) add([t.item], reasonFor(compactReference(t.number), undefined));
    }
    return hits;
  }
}

function reasonFor(reference: string, code: 'end_to_end_id' | undefined): MatchReason {
  if (code) return { code, params: { reference } };
  return { code: isValidRf(reference) ? 'rf_reference' : 'credence_reference', params: { reference } };
}
