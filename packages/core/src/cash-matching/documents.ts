/**
 * Document numbers found in a remittance text, tolerant to how people type them: "INV-2024-0012",
 * "inv 2024 12", "INV2024/012" are the same number. A text and a number are read as runs of letters and
 * runs of digits (separators dropped, leading zeros of a digit run dropped); a number is found where its
 * runs stand in a row in the text's runs, not glued to a letter or digit before or after them.
 */
interface Run {
  readonly key: string;
  /** Written right after the run before it, with no separator ("INV2024": 2024 is attached). */
  readonly attached: boolean;
}

export function runsOf(text: string): Run[] {
  const runs: Run[] = [];
  let lastEnd = -1;
  for (const m of text.toUpperCase().matchAll(/\p{L}+|\p{Nd}+/gu)) {
    const raw = m[0];
    const key = /^\p{Nd}/u.test(raw) ? raw.replace(/^0+(?=.)/, '') : raw;
    runs.push({ key, attached: m.index === lastEnd });
    lastEnd = (m.index ?? 0) + raw.length;
  }
  return runs;
}

/** The same number whoever typed it: "INV-2024-0012" → "INV 2024 12". */
export const documentKey = (number: string): string =>
  runsOf(number)
    .map((r) => r.key)
    .join(' ');

const significant = (runs: readonly Run[]) => runs.reduce((n, r) => n + r.key.length, 0);

/** How a number may be written: all its runs; without a letter prefix when its digits are long enough to stand alone. */
function readings(number: string): Run[][] {
  const runs = runsOf(number);
  const out = significant(runs) >= 4 ? [runs] : [];
  // Typed without separators: "INV-2024-0012" as "INV20240012".
  const glued = runsOf(number.replace(/[^\p{L}\p{Nd}]+/gu, ''));
  if (glued.length !== runs.length && significant(glued) >= 4) out.push(glued);
  const [first, ...rest] = runs;
  if (first && /^\p{L}/u.test(first.key) && rest.length === 1 && significant(rest) >= 5) out.push(rest);
  return out;
}

/** How many leading runs key the index: numbers share prefixes (`INV`, a year), so one run is not enough. */
const KEY_RUNS = 3;
const keyOf = (runs: readonly Run[], at: number, n: number) =>
  runs
    .slice(at, at + n)
    .map((r) => r.key)
    .join(' ');

/** Finds document numbers in texts: build once for the candidate items, then ask per line. */
export class DocumentFinder<T extends { readonly number: string }> {
  /** Readings by their first runs (up to KEY_RUNS of them). */
  private readonly byFirst = new Map<string, { runs: Run[]; item: T }[]>();

  constructor(items: readonly T[]) {
    for (const item of items)
      for (const runs of readings(item.number)) {
        const key = keyOf(runs, 0, Math.min(KEY_RUNS, runs.length));
        const list = this.byFirst.get(key) ?? [];
        list.push({ runs, item });
        this.byFirst.set(key, list);
      }
  }

  /** The items whose numbers the texts quote, each once, in the order found. */
  find(texts: readonly (string | undefined)[]): T[] {
    const found = new Set<T>();
    for (const text of texts) {
      if (!text) continue;
      const runs = runsOf(text);
      for (let i = 0; i < runs.length; i++) {
        const start = runs[i];
        if (start === undefined || start.attached) continue;
        for (let n = 1; n <= KEY_RUNS && i + n <= runs.length; n++)
          for (const c of this.byFirst.get(keyOf(runs, i, n)) ?? []) if (standsAt(runs, i, c.runs)) found.add(c.item);
      }
    }
    return [...found];
  }
}

function standsAt(text: readonly Run[], at: number, want: readonly Run[]): boolean {
  for (let k = 0; k < want.length; k++) {
    const r = text[at + k];
    if (r === undefined || r.key !== want[k]?.key) return false;
    // Runs glued inside the number are fine ("INV2024"); the text may separate what the number glues.
  }
  const after = text[at + want.length];
  return after === undefined || !after.attached;
}
