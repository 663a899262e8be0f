import {
  type Company,
  type DunningRunResult,
  importBuyers,
  importDocuments,
  importPayments,
  runDunning,
  type Store,
} from '@credence/app';
import {
  addDays,
  type BusinessDate,
  type DunningLevel,
  type DunningPolicy,
  date,
  isFormalNotice,
  isHandOff,
  parseRateTables,
  type Result,
} from '@credence/core';
import { describe, expect, it } from 'vitest';
import { rowFile } from './fixtures';
import { targets, useTarget } from './harness';

// Issue 11, item 1: the first live run on a newcomer's imported history. 21 buyers, ~200 invoices over a year,
// ~150 payments, many items 30–300 days overdue, no letter ever sent.
const lvl = (id: string, offsetDays: number, channel: string, tone: string, deadlineDays: number) =>
  ({ id, offsetDays, channel, tone, fee: '0', deadlineDays }) as DunningLevel;
const LADDER = [
  lvl('pre_due', -15, 'email', 'reminder', 15),
  lvl('friendly', 1, 'email', 'reminder', 10),
  lvl('formal', 15, 'letter', 'warning', 10),
  lvl('final', 30, 'letter', 'final', 10),
  lvl('agency', 60, 'agency', 'final', 7),
  lvl('legal', 90, 'legal', 'final', 7),
];
const stepwise: DunningPolicy = { id: 'default', minimumOverdue: '50.00', levels: LADDER, segments: [] };
// A policy that lets items skip every level but legal: a first run would go straight to the highest level
// reached, were it not for the first-run hold and the formal notice every hand-off needs first.
const skipping: DunningPolicy = {
  ...stepwise,
  id: 'skipping',
  levels: LADDER.map((l) => (['friendly', 'formal', 'final', 'agency'].includes(l.id) ? { ...l, skippable: true } : l)),
};
const company: Company = {
  name: 'Nordlicht Handels GmbH',
  address: ['Hafenstraße 12', '20457 Hamburg'],
  bankAccount: {
    bankName: 'Hamburger Sparkasse',
    accountName: 'Nordlicht Handels GmbH',
    iban: 'DE02200505501015871393',
  },
  contact: { name: 'Anna Berg', email: 'credit@nordlicht.example' },
  language: 'en',
  interestRegime: 'eu',
  promiseGraceDays: 3,
  planGraceDays: 5,
};
const parsedRates = parseRateTables({
  ecb: { '2025-H1': '2.40', '2025-H2': '2.15', '2026-H1': '2.15' },
  boe: {},
  'de-base': {},
});
if (!parsedRates.ok) throw new Error('rates');
const rates = parsedRates.value;
const day0 = date('2026-03-31');

/** A small deterministic generator (mulberry32), so the fixture is the same on every run and store. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The newcomer's export: buyers, a year of invoices (30 days' terms), payments on most of the older ones. */
export function newcomerHistory(seed = 11) {
  const r = random(seed);
  const buyers = Array.from({ length: 21 }, (_, i) => {
    const id = `N${String(i + 1).padStart(2, '0')}`;
    return [id, `Newcomer Buyer ${i + 1}`, 'DE', 'EUR', '30', 'en', `ap@${id.toLowerCase()}.example`];
  });
  const invoices: string[][] = [];
  const payments: string[][] = [];
  for (let n = 1; n <= 200; n++) {
    const buyer = buyers[Math.floor(r() * buyers.length)]?.[0] ?? 'N01';
    const issue = addDays(day0, -Math.floor(r() * 365) + 14); // a year of history, a few invoices not yet due
    const due = addDays(issue, 30);
    const cents = 200_00 + Math.floor(r() * 4800_00);
    const number = `INV-${String(n).padStart(4, '0')}`;
    const amount = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
    invoices.push([number, buyer, issue, due, amount, 'EUR']);
    // Three in four invoices are paid (most in full, some in part), while ~150 payments keep many old items open.
    if (payments.length < 150 && due < addDays(day0, -10) && r() < 0.85) {
      const paidOn = addDays(due, Math.floor(r() * 20) - 5);
      if (paidOn > day0) continue;
      const part = r() < 0.2 ? Math.floor(cents / 2) : cents;
      const paid = `${Math.floor(part / 100)}.${String(part % 100).padStart(2, '0')}`;
      payments.push([`PAY-${n}`, buyer, paidOn, paid, 'EUR', number]);
    }
  }
  return { buyers, invoices, payments };
}

async function importHistory(store: Store, h: ReturnType<typeof newcomerHistory>) {
  const cols = ['buyer_id', 'name', 'country', 'currency', 'payment_terms_days', 'language', 'email'];
  expect((await importBuyers(store, rowFile('buyers.csv', cols, h.buyers))).ok).toBe(true);
  const docCols = ['document_number', 'buyer_id', 'issue_date', 'due_date', 'amount', 'currency'];
  expect((await importDocuments(store, rowFile('invoices.csv', docCols, h.invoices))).ok).toBe(true);
  const payCols = ['payment_id', 'buyer_id', 'payment_date', 'amount', 'currency', 'document_number'];
  expect((await importPayments(store, rowFile('payments.csv', payCols, h.payments))).ok).toBe(true);
}

async function must<T>(p: Promise<Result<T>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}
const run = (store: Store, asOf: BusinessDate, policy: DunningPolicy, confirm = false) =>
  must(runDunning(store, { asOf, policy, company, rates, dryRun: false, confirm }));

const byId = new Map(LADDER.map((l, i) => [l.id, i]));
const levelsOf = (r: DunningRunResult) => r.letters.map((l) => l.letter.levelId);
const oneLetterPerBuyer = (r: DunningRunResult) => {
  const buyers = r.letters.map((l) => l.letter.debtor.id);
  expect(new Set(buyers).size).toBe(buyers.length);
};

/**
 * Every document's letters, in date order, follow the ladder: each level the one after the previous (or past a
 * level the policy lets it skip), and agency or legal only after a formal notice for that document.
 */
async function expectStepwise(store: Store, policy: DunningPolicy, buyerIds: readonly string[]) {
  const skippable = new Set(policy.levels.filter((l) => l.skippable).map((l) => l.id));
  const history = new Map<string, string[]>();
  for (const b of buyerIds)
    for (const { letter } of await store.lettersOf(b))
      for (const line of letter.lines)
        history.set(line.number, [...(history.get(line.number) ?? []), line.level?.id ?? '?']);
  let checked = 0;
  for (const [number, levels] of history) {
    let before = -1;
    levels.forEach((id, k) => {
      const at = byId.get(id) ?? -99;
      const from = before < 0 ? (byId.get('friendly') ?? 1) : before + 1;
      const start = id === 'pre_due' && k === 0 ? 0 : from;
      const passed = LADDER.slice(start, at).map((l) => l.id);
      expect({ number, levels, ok: at >= start && passed.every((p) => skippable.has(p)) }).toEqual({
        number,
        levels,
        ok: true,
      });
      const level = LADDER[at] as DunningLevel;
      if (isHandOff(level))
        expect({
          number,
          levels,
          noticed: levels.slice(0, k).some((p) => isFormalNotice(LADDER[byId.get(p) ?? 0] as DunningLevel)),
        }).toEqual({
          number,
          levels,
          noticed: true,
        });
      before = at;
      checked += 1;
    });
  }
  return checked;
}

describe.each(targets())('the first dunning run on $name', (target) => {
  const h = useTarget(target);
  const history = newcomerHistory();
  const buyerIds = history.buyers.map((b) => b[0] ?? '');

  it('has the fixture the issue describes: 21 buyers, ~200 invoices, ~150 payments, many items 30–300 days overdue', async () => {
    await h().reset();
    await importHistory(h().store, history);
    expect(history.buyers).toHaveLength(21);
    expect(history.invoices).toHaveLength(200);
    expect(history.payments.length).toBeGreaterThanOrEqual(120);
    const items = await h().store.dunnableItems(day0, addDays(day0, 15));
    const overdue = items.map((i) => Math.round((Date.parse(day0) - Date.parse(i.dueDate)) / 86_400_000));
    expect(overdue.filter((d) => d >= 30 && d <= 300).length).toBeGreaterThanOrEqual(25);
    expect(Math.max(...overdue)).toBeGreaterThan(250);
  });

  it('stepwise by default: one letter per buyer, friendly reminders at most, even for items 300 days overdue', async () => {
    await h().reset();
    await importHistory(h().store, history);
    const first = await run(h().store, day0, stepwise);
    expect(first.letters.length).toBeGreaterThan(10);
    oneLetterPerBuyer(first);
    expect(new Set(levelsOf(first))).toEqual(
      new Set(['friendly', 'pre_due'].filter((l) => levelsOf(first).includes(l))),
    );
    expect(levelsOf(first).every((l) => l === 'friendly' || l === 'pre_due')).toBe(true);
    expect(first.firstRun).toMatchObject({ reason: 'no_confirmed_run', confirmed: false, held: [] });
    // Every letter lists each of the buyer's items due for a letter, each at its own level, with one deadline.
    for (const { letter } of first.letters) {
      expect(letter.lines.every((l) => l.level !== undefined)).toBe(true);
      for (const line of letter.lines.filter((l) => !l.courtesy)) expect(line.deadline).toBe(letter.deadline);
      for (const line of letter.lines.filter((l) => l.courtesy)) expect(line.deadline).toBe(line.dueDate);
    }
    // Eleven days on, the friendly reminders have expired: the formal notices that follow wait for --confirm.
    const later = addDays(day0, 11);
    const held = await run(h().store, later, stepwise);
    expect(held.firstRun?.held.map((x) => x.level)).toContain('formal');
    expect(levelsOf(held).every((l) => l === 'friendly' || l === 'pre_due')).toBe(true);
    const confirmed = await run(h().store, later, stepwise, true);
    oneLetterPerBuyer(confirmed);
    expect(new Set(levelsOf(confirmed))).toEqual(new Set(['formal']));
    expect(confirmed.letters.length).toBe(held.firstRun?.held.length);
    expect(await expectStepwise(h().store, stepwise, buyerIds)).toBeGreaterThan(confirmed.letters.length);
  });

  it('a policy that allows skipping: the first run holds everything beyond friendly without --confirm, and says so by level', async () => {
    await h().reset();
    await importHistory(h().store, history);
    const preview = await must(runDunning(h().store, { asOf: day0, policy: skipping, company, rates, dryRun: true }));
    const sendable = preview.letters.length;
    const first = await run(h().store, day0, skipping);
    oneLetterPerBuyer(first);
    expect(levelsOf(first).every((l) => l === 'friendly' || l === 'pre_due')).toBe(true);
    expect(first.letters).toHaveLength(sendable);
    const fr = first.firstRun;
    expect(fr?.confirmed).toBe(false);
    expect(fr?.held.length).toBeGreaterThan(0);
    // Items 300 days overdue reached legal, but without a formal notice they get the final demand first.
    expect(new Set(fr?.held.map((x) => x.level))).toEqual(new Set(['final']));
    // By level: the letters it would send if confirmed, never an agency or legal one (no formal notice yet).
    expect(fr?.byLevel.map((l) => l.level)).toContain('final');
    expect(fr?.byLevel.some((l) => l.level === 'agency' || l.level === 'legal')).toBe(false);
    expect(fr?.byLevel.reduce((n, l) => n + l.letters, 0)).toBe(first.letters.length + (fr?.held.length ?? 0));
    // Still a first run the next day: nothing was confirmed, so nothing beyond friendly goes out yet.
    const next = await run(h().store, addDays(day0, 1), skipping);
    expect(next.firstRun?.reason).toBe('no_confirmed_run');
    expect(levelsOf(next).every((l) => l === 'friendly' || l === 'pre_due')).toBe(true);
  });

  it('with --confirm: still one letter per buyer a day, and stepwise levels over three months of daily runs', async () => {
    await h().reset();
    await importHistory(h().store, history);
    const first = await run(h().store, day0, skipping, true);
    oneLetterPerBuyer(first);
    expect(first.firstRun).toMatchObject({ confirmed: true, held: [] });
    expect(levelsOf(first)).toContain('final');
    expect(levelsOf(first).some((l) => l === 'agency' || l === 'legal')).toBe(false);
    let letters = first.letters.length;
    for (let d = 1; d <= 90; d += 3) {
      const r = await run(h().store, addDays(day0, d), skipping);
      expect(r.firstRun).toBeUndefined();
      oneLetterPerBuyer(r);
      letters += r.letters.length;
    }
    const checked = await expectStepwise(h().store, skipping, buyerIds);
    expect(checked).toBeGreaterThan(letters);
    const all = (await Promise.all(buyerIds.map((b) => h().store.lettersOf(b)))).flat();
    expect(all.map((l) => l.letter.levelId)).toContain('legal');
  });

  it('history imported after a confirmed run makes the next run a first run again; a same-day supplement keeps the deadline', async () => {
    await h().reset();
    const s = h().store;
    const early = {
      ...history,
      invoices: history.invoices.slice(0, 100),
      payments: history.payments.filter((p) => history.invoices.slice(0, 100).some((i) => i[0] === p[5])),
    };
    await importHistory(s, early);
    const first = await run(s, day0, stepwise, true);
    expect(first.firstRun?.reason).toBe('no_confirmed_run');
    // The rest of the year is imported the same afternoon: back history, not seen by the confirmed run.
    const docCols = ['document_number', 'buyer_id', 'issue_date', 'due_date', 'amount', 'currency'];
    expect((await importDocuments(s, rowFile('more.csv', docCols, history.invoices.slice(100)))).ok).toBe(true);
    // With a policy that skips, the back history would go straight to final demands: held until confirmed.
    const skipped = await must(runDunning(s, { asOf: day0, policy: skipping, company, rates, dryRun: true }));
    expect(skipped.firstRun?.reason).toBe('history_imported');
    expect(skipped.firstRun?.held.length).toBeGreaterThan(0);
    expect(levelsOf(skipped).every((l) => l === 'friendly' || l === 'pre_due')).toBe(true);
    const again = await run(s, day0, stepwise);
    expect(again.firstRun?.reason).toBe('history_imported');
    expect(again.firstRun?.imported).toBeGreaterThan(0);
    expect(levelsOf(again).every((l) => l === 'friendly' || l === 'pre_due')).toBe(true);
    // A buyer lettered this morning gets a supplement with this morning's deadline: one deadline a day.
    const morning = new Map(first.letters.map((l) => [l.letter.debtor.id, l.letter.deadline]));
    const supplements = again.letters.filter((l) => morning.has(l.letter.debtor.id));
    expect(supplements.length).toBeGreaterThan(0);
    for (const { letter } of supplements) {
      expect(letter.id).toMatch(/-2$/);
      expect(letter.deadline).toBe(morning.get(letter.debtor.id));
    }
  });
});
