import { type BusinessDate, type CurrencyCode, date, type PlannedLetter } from '@credence/core';
import { describe, expect, it } from 'vitest';
import { buildLetter } from '../src/collections/build-letter';
import { parseCompany } from '../src/collections/company';
import { handedToInsurer, insurerHandOffs } from '../src/collections/insurer-hand-off';
import { addInsurancePolicy } from '../src/insurance/add-insurance-policy';
import { recordInsuranceEvent } from '../src/insurance/record-insurance-event';
import { MemoryStore } from './memory-store';

const company = (() => {
  const c = parseCompany({
    name: 'Nordlicht Handels GmbH',
    address: ['Hafenstraße 12', '20457 Hamburg'],
    bankAccount: { bankName: 'Hamburger Sparkasse', accountName: 'Nordlicht Handels GmbH', iban: 'DE02 2005' },
    contact: { name: 'Anna Berg', email: 'credit@nordlicht.example' },
    language: 'en',
    interestRegime: 'eu',
  });
  if (!c.ok) throw new Error('company');
  return c.value;
})();
const asOf = date('2026-09-01');
const level = (id: string, channel: 'agency' | 'legal') =>
  ({ id, offsetDays: 60, channel, tone: 'final', fee: '0', deadlineDays: 10 }) as const;
const letterAt = (buyerId: string, l: ReturnType<typeof level>) => {
  const planned: PlannedLetter = {
    buyerId,
    level: l,
    rank: 4,
    nextStep: 'legal',
    items: [
      {
        number: `INV-${buyerId}`,
        level: l,
        buyerId,
        currency: 'EUR' as CurrencyCode,
        dueDate: '2026-06-15' as BusinessDate,
        open: 1_000_00n,
        daysOverdue: 78,
        credits: [],
      },
    ],
  };
  return buildLetter(planned, {
    id: `L-${buyerId}-${l.id}`,
    asOf,
    buyer: { id: buyerId, name: buyerId, country: 'DE', currency: 'EUR' as CurrencyCode, paymentTermsDays: 30 },
    company,
    language: 'en',
    basis: { regime: 'eu' },
    policyId: 'default',
    interest: new Map(),
    firstLetter: false,
  });
};

async function storeWith(handOff: Record<string, unknown> | undefined) {
  const store = new MemoryStore();
  await store.transact((tx) =>
    tx.upsertBuyers(
      ['B1', 'B2'].map((id) => ({ id, name: id, country: 'DE', currency: 'EUR' as never, paymentTermsDays: 30 })),
    ),
  );
  const added = await addInsurancePolicy(store, {
    body: {
      insurer: 'Hermes',
      policyNumber: 'P-1',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      currency: 'EUR',
      countries: ['DE'],
      ...(handOff !== undefined ? { collectionsHandOff: handOff } : {}),
    },
    reason: 'test',
    by: 'cora',
  });
  if (!added.ok) throw new Error(JSON.stringify(added.error));
  const approved = await recordInsuranceEvent(store, {
    buyerId: 'B1',
    kind: 'limit_approved',
    date: date('2026-01-10'),
    amount: '5000',
    by: 'cora',
  });
  if (!approved.ok) throw new Error(JSON.stringify(approved.error));
  return store;
}

const caseFileTo = (built: ReturnType<typeof letterAt>) => built.outbox.find((o) => o.kind === 'case_file')?.recipient;

describe('the hand-off of an insured buyer (collectionsHandOff)', () => {
  it("hands the insured buyer's case to the insurer's collector at the level the policy names; others to the agency", async () => {
    const byBuyer = await insurerHandOffs(await storeWith({ to: 'insurer', atLevel: 'agency' }), asOf);
    expect([...byBuyer.keys()]).toEqual(['B1']);
    expect(caseFileTo(handedToInsurer(letterAt('B1', level('agency', 'agency')), byBuyer))).toBe('insurer:P-1');
    // Another hand-off level (legal) than the one named stays with the ladder.
    expect(caseFileTo(handedToInsurer(letterAt('B1', level('legal', 'legal')), byBuyer))).toBeUndefined();
    // A buyer without insurance facts goes to the agency.
    expect(caseFileTo(handedToInsurer(letterAt('B2', level('agency', 'agency')), byBuyer))).toBeUndefined();
    // Before the buyer's first insurance fact it is not insured yet.
    expect((await insurerHandOffs(await storeWith({ to: 'insurer' }), date('2026-01-09'))).size).toBe(0);
  });

  it('without the policy saying so (or saying agency), every case goes to the ladder', async () => {
    expect((await insurerHandOffs(await storeWith(undefined), asOf)).size).toBe(0);
    expect((await insurerHandOffs(await storeWith({ to: 'agency' }), asOf)).size).toBe(0);
    const all = await insurerHandOffs(await storeWith({ to: 'insurer' }), asOf);
    expect(caseFileTo(handedToInsurer(letterAt('B1', level('legal', 'legal')), all))).toBe('insurer:P-1');
  });
});
