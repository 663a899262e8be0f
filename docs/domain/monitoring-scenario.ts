/** The portfolio of docs/domain/monitoring.md: one buyer per alert rule, and one that fires nothing. */
import { importDocuments, importPayments, type Store } from '@credence/app';
import { type CollectionEvent, type CurrencyCode, date, type Grade } from '@credence/core';

const EUR = 'EUR' as CurrencyCode;
export const AS_OF = date('2026-06-30');

const grade = (g: number, pd: number, tier: Grade['tier']): Grade => ({
  grade: g,
  pd,
  tier,
  confidence: 'low',
  reasons: [],
  missing: [],
});

const rows = (name: string, columns: string[], data: string[][]) => ({
  file: name,
  columns,
  rows: data.map((cells, i) => ({
    row: i + 2,
    values: Object.fromEntries(columns.map((c, j) => [c, cells[j] ?? ''])),
  })),
});

/** The buyers: each has a 100,000.00 limit approved on 12 June, a low-risk grade and one 1,000.00 invoice not due. */
export const BUYERS = [
  'Q',
  'GW',
  'HR',
  'PD',
  'DBT',
  'LS',
  'OL',
  'UT',
  'TE',
  'LE',
  'OD',
  'OA',
  'PB',
  'PL',
  'DO',
  'DR',
  'EX',
  'CO',
  'G1',
  'G2',
  'RV',
  'IL',
  'SE',
  'GO',
  'PP',
] as const;

/** Settled invoices: issued, due 30 days later, paid `late` days after the due date. */
const settled = (buyer: string, n: number, dues: string[], late: number) =>
  dues.map((due, i) => {
    const d = date(due);
    const paid = new Date(Date.parse(`${due}T00:00:00Z`) + late * 86_400_000).toISOString().slice(0, 10);
    const issue = new Date(Date.parse(`${d}T00:00:00Z`) - 30 * 86_400_000).toISOString().slice(0, 10);
    return { number: `${buyer}-S${n + i}`, buyer, issue, due, paid, amount: '500.00' };
  });

export async function seedScenario(store: Store): Promise<void> {
  await store.transact((tx) =>
    tx.upsertBuyers(
      BUYERS.map((id) => ({
        id,
        name: `Buyer ${id}`,
        country: 'DE',
        currency: EUR,
        paymentTermsDays: 30,
        ...(id === 'G1' || id === 'G2' ? { groupId: 'GRP' } : {}),
        salesOwner: 'sam',
      })),
    ),
  );
  const invoices: string[][] = BUYERS.map((b) => [
    `${b}-A`,
    b,
    'invoice',
    '2026-06-15',
    '2026-07-15',
    '1000.00',
    'EUR',
  ]);
  const extra = (n: string, b: string, issue: string, due: string, amount: string) =>
    invoices.push([n, b, 'invoice', issue, due, amount, 'EUR']);
  extra('OL-B', 'OL', '2026-06-20', '2026-07-20', '11000.00');
  extra('UT-B', 'UT', '2026-06-20', '2026-07-20', '8000.00');
  extra('OD-OLD', 'OD', '2026-03-01', '2026-03-31', '2000.00');
  extra('OA-B', 'OA', '2026-05-11', '2026-06-10', '6000.00');
  extra('DO-B', 'DO', '2026-06-01', '2026-07-01', '1500.00');
  for (const i of [1, 2, 3]) extra(`DR-D${i}`, 'DR', '2026-02-01', '2026-07-01', '100.00');
  extra('CO-B', 'CO', '2026-06-20', '2026-07-20', '29000.00');
  extra('G1-B', 'G1', '2026-06-20', '2026-07-20', '14000.00');
  extra('G2-B', 'G2', '2026-06-20', '2026-07-20', '14000.00');
  // Behaviour: DBT paid 5 days late before April and 25 days late since; LS paid on time before, half late since.
  const paid = [
    ...settled('DBT', 1, ['2025-10-15', '2025-11-15', '2025-12-15'], 5),
    ...settled('DBT', 4, ['2026-04-15', '2026-05-15', '2026-05-25'], 25),
    ...settled('LS', 1, ['2025-10-15', '2025-11-15', '2025-12-15', '2026-01-15'], 0),
    ...settled('LS', 5, ['2026-04-15', '2026-05-15'], 0),
    ...settled('LS', 7, ['2026-05-01', '2026-05-20'], 2),
  ];
  // PP paid its invoices in full before April; since, it pays half of each (a 250.00 payment on a 500.00 invoice).
  const partly = settled('PP', 4, ['2026-05-15', '2026-05-25'], 0);
  paid.push(...settled('PP', 1, ['2025-10-15', '2025-11-15', '2025-12-15'], 0));
  for (const p of [...paid, ...partly]) invoices.push([p.number, p.buyer, 'invoice', p.issue, p.due, p.amount, 'EUR']);
  const cols = ['document_number', 'buyer_id', 'type', 'issue_date', 'due_date', 'amount', 'currency'];
  const docs = await importDocuments(store, rows('invoices.csv', cols, invoices));
  if (!docs.ok) throw new Error(JSON.stringify(docs.error));
  const pays = await importPayments(
    store,
    rows(
      'payments.csv',
      ['payment_id', 'buyer_id', 'payment_date', 'amount', 'currency', 'document_number'],
      [
        ...paid.map((p) => [`PAY-${p.number}`, p.buyer, p.paid, p.amount, 'EUR', p.number]),
        ...partly.map((p) => [`PAY-${p.number}`, p.buyer, p.paid, '250.00', 'EUR', p.number]),
      ],
    ),
  );
  if (!pays.ok) throw new Error(JSON.stringify(pays.error));
  await store.transact(async (tx) => {
    const limit = (
      buyerId: string,
      amount: bigint,
      kind: 'approval' | 'temporary' = 'approval',
      until?: string,
      from = '2026-06-01',
    ) =>
      tx.appendLimitEvent({
        buyerId,
        kind,
        amount,
        currency: EUR,
        validFrom: date(from),
        ...(until !== undefined ? { expiresOn: date(until) } : {}),
        by: 'cora',
        reason: 'example',
        // Recorded on 12 June: the next review (every 30 days for a new buyer) is on 12 July.
        recordedOn: date('2026-06-12'),
      });
    for (const b of BUYERS) {
      if (b === 'LE' || b === 'RV') continue;
      await limit(b, b === 'OL' || b === 'UT' ? 10_000_00n : 100_000_00n);
    }
    await limit('TE', 120_000_00n, 'temporary', '2026-07-10');
    await limit('LE', 50_000_00n, 'temporary', '2026-06-15', '2026-06-05');
    await tx.upsertGrades(
      BUYERS.map((b) => ({
        buyerId: b,
        asOf: date('2026-05-31'),
        grade: b === 'HR' ? grade(8, 0.04, 'high') : b === 'PD' ? grade(5, 0.07, 'medium') : grade(3, 0.01, 'low'),
      })),
    );
    await tx.upsertGrades([{ buyerId: 'GW', asOf: AS_OF, grade: grade(5, 0.03, 'medium') }]);
    await tx.upsertExternalGrades([
      { buyerId: 'EX', date: date('2026-01-01'), source: 'bureau', value: 3 },
      { buyerId: 'EX', date: date('2026-06-01'), source: 'bureau', value: 5 },
    ]);
    const by = 'cora';
    const events: CollectionEvent[] = [
      {
        kind: 'promise_made',
        id: 'P-1',
        buyerId: 'PB',
        date: date('2026-06-01'),
        by,
        amount: 1000_00n,
        currency: EUR,
        promisedDate: date('2026-06-15'),
        graceDays: 3,
        documents: [],
        notes: '',
      },
      { kind: 'promise_broken', id: 'P-1', buyerId: 'PB', date: date('2026-06-20'), by },
      {
        kind: 'plan_created',
        id: 'PLAN-1',
        buyerId: 'PL',
        date: date('2026-06-16'),
        by,
        currency: EUR,
        documents: ['PL-A'],
        instalments: [{ date: date('2026-06-20'), amount: 1000_00n }],
        graceDays: 3,
        notes: '',
      },
      { kind: 'plan_broken', id: 'PLAN-1', buyerId: 'PL', date: date('2026-06-25'), by, missed: date('2026-06-20') },
      {
        kind: 'dispute_opened',
        id: 'D-1',
        buyerId: 'DO',
        date: date('2026-06-20'),
        by,
        documents: ['DO-B'],
        reason: 'quality',
        owner: by,
        notes: '',
      },
      ...[1, 2, 3].map(
        (i): CollectionEvent => ({
          kind: 'dispute_opened',
          id: `D-R${i}`,
          buyerId: 'DR',
          date: date(`2026-0${i + 2}-10`),
          by,
          documents: [`DR-D${i}`],
          reason: 'quantity',
          owner: by,
          notes: '',
        }),
      ),
    ];
    await tx.appendCollectionEvents(events);
    // IL: the insurer approved 50,000.00 in March and cut it to 20,000.00 on 20 June.
    await tx.appendInsurancePolicy({
      policyNumber: 'CI-1',
      body: { policyNumber: 'CI-1', currency: 'EUR' },
      reason: 'example',
      by,
    });
    const decision = { policyNumber: 'CI-1', buyerId: 'IL', reason: 'example', by } as const;
    await tx.appendInsuranceEvent({
      ...decision,
      kind: 'limit_approved',
      date: date('2026-03-01'),
      amount: 50_000_00n,
    });
    await tx.appendInsuranceEvent({ ...decision, kind: 'limit_reduced', date: date('2026-06-20'), amount: 20_000_00n });
    // SE: a bank guarantee of 30,000.00 that expires on 20 July, 20 days after the date.
    await tx.appendSecurityEvent({
      buyerId: 'SE',
      securityId: 'G-7',
      action: 'add',
      terms: {
        kind: 'guarantee',
        issuer: 'Hausbank AG',
        amount: 30_000_00n,
        currency: EUR,
        validFrom: date('2026-01-01'),
        expiresOn: date('2026-07-20'),
      },
      reason: 'example',
      by,
      recordedOn: date('2026-01-01'),
    });
    // GO: graded 3 by the model; the credit manager overrode it to 8 (high risk) on 20 June.
    await tx.appendGradeOverride({
      buyerId: 'GO',
      action: 'override',
      grade: 8,
      tier: 'high',
      pd: 0.12,
      reason: 'the parent filed for insolvency',
      by,
      recordedOn: date('2026-06-20'),
    });
  });
}
