import { join } from 'node:path';
import { checkOrder, recommendBuyerLimit, runGrades, type Store, setLimit } from '@credence/app';
import { addDays, addMonths, type BusinessDate, type CurrencyCode, exponentOf, renderTable } from '@credence/core';
import { type BehaviourProfile, demoStatementRows, type PortfolioPlan, STATEMENT_COLUMNS } from '@credence/demo';
import { openRows } from '@credence/files';
import { gradeContext, readCheckPolicy, readLimitPolicy } from '@credence/runtime';
import { runImport, summaryText } from '../commands/import';
import { fmt } from '../format/money';
import { CsvFileWriter } from './write-csv';

interface OverLimit {
  readonly buyerId: string;
  readonly name: string;
  readonly grade: number | undefined;
  readonly currency: CurrencyCode;
  readonly limit: bigint;
  readonly exposure: bigint;
}

/**
 * The credit half of the demo: financial statements for every buyer (imported like a user's file), a grade
 * run, a limit per buyer set three months before the date at its recommended amount, then the grade
 * distribution and the buyers whose exposure is over their limit (returned as text, printed after the
 * receivables reports).
 */
export async function creditDemo(
  store: Store,
  plan: PortfolioPlan,
  seed: number,
  asOf: BusinessDate,
  csvDir: string,
  locale: string,
  say: (s: string) => void,
): Promise<string> {
  const out: string[] = [];
  const from = addMonths(addDays(asOf, 1), -12);
  const purchases = new Map<string, number>();
  for (const b of plan.buyers) {
    const sales = await store.buyerSales(b.buyer_id, from, asOf);
    const own = sales.find((s) => s.currency === b.currency)?.amount ?? 0n;
    purchases.set(b.buyer_id, Number(own) / 10 ** exponentOf(b.currency as CurrencyCode));
  }
  const profiles = new Map<string, BehaviourProfile>(plan.profiles.map((p) => [p.buyer_id, p.profile]));
  const file = join(csvDir, 'statements.csv');
  const w = new CsvFileWriter(file, STATEMENT_COLUMNS);
  for (const row of demoStatementRows(plan.buyers, profiles, purchases, seed, asOf)) w.write(row);
  w.close();
  const imported = await runImport(store, 'statements', await openRows(file), undefined, {});
  if (!imported.ok) throw new Error(`demo statements rejected: ${JSON.stringify(imported.error.errors.slice(0, 3))}`);
  say(`  ${summaryText(imported.value)}`);

  const ctx = { ...(await gradeContext()), limits: await readLimitPolicy() };
  const graded = await runGrades(store, ctx, asOf);
  const limitFrom = addMonths(asOf, -3);
  for (const b of plan.buyers) {
    const advice = await recommendBuyerLimit(store, ctx, b.buyer_id, limitFrom);
    if (!advice) continue;
    const r = advice.recommendation;
    await setLimit(
      store,
      {
        buyerId: b.buyer_id,
        amount: r.amount,
        currency: r.currency,
        validFrom: limitFrom,
        by: 'demo',
        reason: `recommended on ${limitFrom} (${r.decidedBy})`,
      },
      limitFrom,
    );
  }

  out.push(`\nRisk grades as of ${asOf} (credence grade run; limits set at the recommended amount on ${limitFrom})`);
  out.push(
    renderTable(
      [{ header: 'Grade', align: 'right' }, { header: 'Buyers', align: 'right' }, { header: '' }],
      graded.byGrade.map((n, i) => [
        String(i + 1),
        String(n),
        '█'.repeat(Math.ceil((n / Math.max(1, graded.graded)) * 40)),
      ]),
    ),
  );

  const policy = await readCheckPolicy();
  const over: OverLimit[] = [];
  const grades = new Map((await store.gradesOn(asOf)).map((g) => [g.buyerId, g.grade.grade]));
  for (const b of plan.buyers) {
    const c = await checkOrder(store, policy, {
      buyerId: b.buyer_id,
      amount: 0n,
      currency: b.currency as CurrencyCode,
      asOf,
    });
    if (!c.ok || c.value.limit === undefined || c.value.exposureAfter <= c.value.limit) continue;
    over.push({
      buyerId: b.buyer_id,
      name: b.name,
      grade: grades.get(b.buyer_id),
      currency: c.value.currency,
      limit: c.value.limit,
      exposure: c.value.exposureAfter,
    });
  }
  // Buyers with a limit, furthest over it first; then those with none (cash in advance), largest exposure first.
  const ratio = (o: OverLimit) => (o.limit === 0n ? -Number(o.exposure) : Number(o.exposure) / Number(o.limit));
  over.sort(
    (a, b) => Number(b.limit > 0n) - Number(a.limit > 0n) || ratio(b) - ratio(a) || (a.buyerId < b.buyerId ? -1 : 1),
  );
  const prepay = over.filter((o) => o.limit === 0n).length;
  out.push(
    `\nBuyers over their limit as of ${asOf}: ${over.length}, of which ${prepay} with no credit (limit 0: cash in advance); the ten furthest over`,
  );
  out.push(
    renderTable(
      [
        { header: 'Buyer' },
        { header: 'Grade', align: 'right' },
        { header: 'Limit', align: 'right' },
        { header: 'Exposure', align: 'right' },
        { header: 'Over by', align: 'right' },
      ],
      over
        .slice(0, 10)
        .map((o) => [
          `${o.buyerId} ${o.name}`.slice(0, 44),
          o.grade === undefined ? '-' : String(o.grade),
          o.limit === 0n ? `${o.currency} 0 (prepay)` : `${o.currency} ${fmt(o.limit, o.currency, locale)}`,
          fmt(o.exposure, o.currency, locale),
          fmt(o.exposure - o.limit, o.currency, locale),
        ]),
    ),
  );
  return out.join('\n');
}
