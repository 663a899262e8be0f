import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  addPromise,
  type Company,
  openDispute,
  parseCompany,
  pauseBuyer,
  type RecordedLetter,
  rankOverdueBuyers,
  refreshWorklist,
  runDunning,
  type Store,
} from '@credence/app';
import { addDays, type BusinessDate, type CurrencyCode, money, toDecimalString } from '@credence/core';
import { letterMail, readDunningPolicy, readGradingPolicy, readRates, writeLetters } from '@credence/runtime';
import { say } from '../commands/reason-lang';
import { renderWorklist } from '../commands/worklist';

/** Weeks of dunning history the demo records before the day's run. */
const HISTORY_WEEKS = 14;

/** The demo's creditor: a contractual late-payment rate in its terms of sale (statutory rates need the latest half-year's table). */
const COMPANY = {
  name: 'Nordwerk Industriebedarf GmbH',
  address: ['Hafenstraße 12', '20457 Hamburg', 'Germany'],
  legalId: 'HRB 123456, Amtsgericht Hamburg',
  bankAccount: {
    bankName: 'Hamburger Sparkasse',
    accountName: 'Nordwerk Industriebedarf GmbH',
    iban: 'DE02 2005 0550 1015 8713 93',
    swift: 'HASPDEHHXXX',
  },
  contact: { name: 'Anna Berg', email: 'credit@nordwerk.example', phone: '+49 40 1234 5678' },
  language: 'en',
  interestRegime: 'contract',
  interestRate: '8%/year',
};

/**
 * The collections half of the demo: a dispute, a promise to pay and a paused buyer among the most overdue,
 * then the day's dunning run (recorded; the outbox is left for `dunning deliver`), sample letters to look at,
 * and the collector's worklist.
 */
export async function dunningDemo(
  store: Store,
  dir: string,
  asOf: BusinessDate,
  currency: CurrencyCode,
): Promise<string> {
  const parsed = parseCompany(COMPANY);
  if (!parsed.ok) throw new Error('demo company settings invalid');
  const company: Company = parsed.value;
  writeFileSync(join(dir, 'company.json'), `${JSON.stringify(COMPANY, null, 2)}\n`);
  const [policy, rates, grading] = await Promise.all([readDunningPolicy(), readRates(), readGradingPolicy()]);
  // The ladder climbs one step a letter: the demo has dunned weekly for the last 14 weeks (confirmed runs, each as
  // the ledger stood that day), so the day's run finds items at every level, not only first reminders.
  const earlier: RecordedLetter[] = [];
  for (let week = HISTORY_WEEKS; week >= 1; week--) {
    const past = await runDunning(store, {
      asOf: addDays(asOf, -7 * week),
      policy,
      company,
      rates,
      dryRun: false,
      confirm: true,
    });
    if (!past.ok) throw new Error(`demo dunning run failed: ${past.error.code}`);
    earlier.push(...past.value.letters);
  }
  // The dispute, the promise and the pause go to overdue buyers the day's run would write to, so they show.
  const preview = await runDunning(store, { asOf, policy, company, rates, dryRun: true, confirm: true });
  const lettered = new Map<string, string>();
  for (const { letter } of preview.ok ? preview.value.letters : []) {
    const line = letter.lines.find((l) => l.daysOverdue > 0);
    if (line !== undefined && !lettered.has(letter.debtor.id)) lettered.set(letter.debtor.id, line.number);
  }
  const ranked = await rankOverdueBuyers(store, asOf, currency, 50);
  const overdue = ranked.ok ? ranked.value.map((r) => r.buyerId) : [];
  const ids = [...overdue.filter((id) => lettered.has(id)), ...overdue.filter((id) => !lettered.has(id))];
  const notes: string[] = [];
  const first = async (buyerId: string | undefined) =>
    buyerId === undefined
      ? undefined
      : (await store.buyerOpenItems(buyerId, asOf)).find(
          (i) =>
            i.type === 'invoice' &&
            i.open > 0n &&
            i.dueDate < asOf &&
            (!lettered.has(buyerId) || lettered.get(buyerId) === i.number),
        );
  const disputed = await first(ids[1]);
  if (disputed) {
    const d = await openDispute(
      store,
      {
        documents: [disputed.number],
        reason: 'quality',
        owner: 'Jonas Weber',
        notes: 'goods damaged in transit',
        by: 'demo',
      },
      addDays(asOf, -3),
    );
    if (d.ok) notes.push(`${d.value.id}: ${disputed.number} of ${disputed.buyerId} disputed (quality)`);
  }
  const promised = await first(ids[2]);
  if (promised) {
    const amount = toDecimalString(money(promised.open, promised.currency));
    const p = await addPromise(
      store,
      {
        buyerId: promised.buyerId,
        amount,
        date: addDays(asOf, 5),
        documents: [promised.number],
        graceDays: 3,
        notes: 'phone call with AP',
        by: 'demo',
      },
      asOf,
    );
    if (p.ok)
      notes.push(`${p.value.id}: ${promised.buyerId} promises to pay ${promised.number} by ${p.value.promisedDate}`);
  }
  if (ids[3] !== undefined) {
    const z = await pauseBuyer(
      store,
      { buyerId: ids[3], until: addDays(asOf, 14), reason: 'restructuring talks', by: 'demo' },
      asOf,
    );
    if (z.ok) notes.push(`${ids[3]}: dunning paused until ${addDays(asOf, 14)}`);
  }
  const ran = await runDunning(store, { asOf, policy, company, rates, dryRun: false, confirm: true });
  if (!ran.ok) throw new Error(`demo dunning run failed: ${ran.error.code}`);
  const run = ran.value;
  const byLevel = new Map<string, number>();
  for (const a of run.actions) byLevel.set(a.level, (byLevel.get(a.level) ?? 0) + 1);
  const held = new Map<string, number>();
  for (const s of run.skipped) held.set(s.reason, (held.get(s.reason) ?? 0) + 1);
  // One sample letter per level (calls have none), so every title, the agency's included, can be looked at.
  const all = [...run.letters, ...earlier.reverse()];
  const samples = policy.levels.flatMap((level) => {
    const first = all.find((l) => l.letter.levelId === level.id && l.letter.channel !== 'call');
    return first ? [first] : [];
  });
  const lettersDir = join(dir, 'letters');
  await writeLetters(lettersDir, samples, letterMail(), company.mailFrom);
  const work = await refreshWorklist(store, { asOf, policy, company, rates, currency, defaultPd: grading.basePd });
  if (!work.ok) throw new Error(`demo worklist failed: ${work.error.code}`);
  const { tasks, closed, snoozed } = work.value;
  return [
    `\nCollections as of ${asOf} (dunning policy "${policy.id}")`,
    `  dunned weekly for the ${HISTORY_WEEKS} weeks before: ${earlier.length} letters, each item one step up the ladder at a time`,
    ...notes.map((n) => `  ${n}`),
    `  ${run.letters.length} letters: ${policy.levels.map((l) => `${l.id} ${byLevel.get(l.id) ?? 0}`).join(', ')}`,
    `  held out: ${[...held].map(([r, n]) => `${r.replace('_', ' ')} ${n}`).join(', ') || 'none'}`,
    `  ${run.letters.reduce((s, l) => s + l.outbox.length, 0)} deliveries wait in the outbox (\`credence dunning deliver\`); sample letters in ${lettersDir}`,
    '',
    renderWorklist(asOf, currency, tasks, 10, say('en'), { closed, snoozed }),
  ].join('\n');
}
