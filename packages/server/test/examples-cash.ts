// Examples of the cash-application write routes (issue 16): the matching step, review decisions, the IBAN map.
// They run after the bank-statement import examples (route table order), whose lines they match and decide.
import {
  type CashLine,
  importBankStatement,
  listReviewQueue,
  listUnappliedCash,
  matchBankLines,
  type Store,
} from '@credence/app';
import { type BankStatementLine, type CurrencyCode, date } from '@credence/core';
import type { Example, Facts } from './examples';

/** The lines a person may still decide (in review, in suspense, rejected), the review queue first. */
async function undecided(store: Store): Promise<CashLine[]> {
  const rest = (await listUnappliedCash(store)).filter((l) => l.state !== 'on_account');
  return [...(await listReviewQueue(store, {})), ...rest];
}

/** The first undecided line's path, remembered in `seen` for the examples after it. */
const firstUndecided =
  (seen: { path?: string }, proposed = false) =>
  async (store: Store) => {
    const l = (await undecided(store)).find((x) => !proposed || x.proposals.length > 0);
    if (l === undefined) throw new Error('no undecided bank line for the cash review examples');
    seen.path = `/api/v1/cash/review/${encodeURIComponent(l.statement)}/${l.line}`;
    return seen.path;
  };
const remembered = (seen: { path?: string }, verb: string) => async () => {
  if (seen.path === undefined) throw new Error(`the ${verb} example runs after the one that picks its line`);
  return `${seen.path}/${verb}`;
};

/**
 * A statement for the matching example, imported as `POST /bank-statements` would: the demo buyer's name with a
 * part of its invoice named (a proposal to review), and two payers nobody knows (suspense: rejected, re-pointed).
 */
export const seedStatement =
  (f: Facts, id: string, path: string, match = false) =>
  async (store: Store) => {
    const buyer = await store.getBuyer(f.buyer);
    const line = (entry: number, more: Partial<BankStatementLine>): BankStatementLine => ({
      entry,
      amount: 1234n,
      currency: f.currency as CurrencyCode,
      creditDebit: 'credit',
      bookingDate: date('2026-06-20'),
      valueDate: date('2026-06-20'),
      remittance: '',
      reversal: false,
      ...more,
    });
    const r = await importBankStatement(store, [
      {
        format: 'camt.054',
        account: 'DE02120300000000202051',
        currency: f.currency as CurrencyCode,
        statementId: id,
        lines: [
          line(1, { payerName: buyer?.name ?? f.buyer, remittance: f.invoice }),
          line(2, { payerName: 'Maria Schneider', remittance: 'Zahlung' }),
          line(3, { payerName: 'Hans Weber', remittance: 'Zahlung' }),
          line(4, { payerName: 'Someone Else', remittance: `${f.invoice} part` }),
          line(5, { remittance: `Rechnung ${f.invoice}` }),
        ],
      },
    ]);
    if (!r.ok) throw new Error(`the cash review statement: ${JSON.stringify(r.error)}`);
    if (match && !(await matchBankLines(store, { by: 'examples' })).ok) throw new Error('matching the examples');
    return path;
  };

const IBAN = 'DE89370400440532013000';

export function cashExamples(f: Facts): Record<string, readonly Example[]> {
  const cm = 'credit_manager' as const;
  const accepted: { path?: string } = {};
  const rejected: { path?: string } = {};
  return {
    matchCash: [
      {
        name: 'all lines waiting',
        as: 'collector',
        method: 'POST',
        path: '/api/v1/cash/match',
        pathFrom: seedStatement(f, 'CASH-REVIEW-2', '/api/v1/cash/match'),
        body: {},
        status: 200,
      },
      { name: 'sales may not', as: 'sales', method: 'POST', path: '/api/v1/cash/match', body: {}, status: 403 },
    ],
    acceptCashLine: [
      {
        name: 'the best proposal',
        as: 'collector',
        method: 'POST',
        path: '/api/v1/cash/review/BST-0/1/accept',
        pathFrom: async (store) => `${await firstUndecided(accepted, true)(store)}/accept`,
        body: { note: 'checked against the remittance advice' },
        status: 200,
      },
      {
        name: 'decided already',
        as: 'collector',
        method: 'POST',
        path: '/api/v1/cash/review/BST-0/1/accept',
        pathFrom: remembered(accepted, 'accept'),
        body: {},
        status: 409,
      },
      {
        name: 'sales may not',
        as: 'sales',
        method: 'POST',
        path: '/api/v1/cash/review/BST-0/1/accept',
        body: {},
        status: 403,
      },
    ],
    rejectCashLine: [
      {
        name: 'with a reason',
        as: cm,
        method: 'POST',
        path: '/api/v1/cash/review/BST-0/1/reject',
        pathFrom: async (store) => `${await firstUndecided(rejected)(store)}/reject`,
        body: { reason: 'the payer is not this buyer' },
        status: 200,
      },
      {
        name: 'no reason',
        as: cm,
        method: 'POST',
        path: '/api/v1/cash/review/BST-0/1/reject',
        pathFrom: remembered(rejected, 'reject'),
        body: {},
        status: 400,
      },
    ],
    repointCashLine: [
      {
        name: "on the buyer's account",
        as: 'collector',
        method: 'POST',
        path: '/api/v1/cash/review/BST-0/1/repoint',
        pathFrom: remembered(rejected, 'repoint'),
        body: { buyerId: f.buyer, reason: 'the buyer confirmed by phone' },
        status: 200,
      },
      {
        name: 'an unknown line',
        as: 'collector',
        method: 'POST',
        path: '/api/v1/cash/review/BST-0/1/repoint',
        body: { buyerId: f.buyer, reason: 'x' },
        status: 404,
      },
    ],
    listCashIbans: [
      { name: 'the map', as: 'sales', method: 'GET', path: '/api/v1/cash/ibans', status: 200 },
      { name: 'empty buyer id', as: 'sales', method: 'GET', path: '/api/v1/cash/ibans?buyerId=', status: 400 },
    ],
    setCashIban: [
      {
        name: 'set',
        as: cm,
        method: 'PUT',
        path: `/api/v1/cash/ibans/${IBAN}`,
        body: { buyerId: f.buyer },
        status: 200,
      },
      {
        name: 'not an IBAN',
        as: cm,
        method: 'PUT',
        path: '/api/v1/cash/ibans/XX',
        body: { buyerId: f.buyer },
        status: 422,
      },
      {
        name: 'a collector may not',
        as: 'collector',
        method: 'PUT',
        path: `/api/v1/cash/ibans/${IBAN}`,
        body: { buyerId: f.buyer },
        status: 403,
      },
    ],
    removeCashIban: [
      { name: 'removed', as: cm, method: 'DELETE', path: `/api/v1/cash/ibans/${IBAN}`, status: 200 },
      { name: 'not known', as: cm, method: 'DELETE', path: `/api/v1/cash/ibans/${IBAN}`, status: 404 },
    ],
  };
}
