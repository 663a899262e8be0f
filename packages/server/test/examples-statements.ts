import type { Example, Facts } from './examples';

/** The account statement's answers (issue 18): the buyer's confirmation, a disputed line, the records. */
export function statementExamples(f: Facts): Readonly<Record<string, readonly Example[]>> {
  const b = `/api/v1/buyers/${f.buyer}/statement`;
  const cm = 'credit_manager' as const;
  return {
    listStatementRecords: [
      { name: 'records', as: 'collector', method: 'GET', path: `${b}/records?asOf=2026-05-31`, status: 200 },
      { name: 'unknown', as: cm, method: 'GET', path: '/api/v1/buyers/NOPE/statement/records', status: 404 },
    ],
    confirmStatement: [
      {
        name: 'confirmed',
        as: 'collector',
        method: 'POST',
        path: `${b}/confirmation`,
        body: { asOf: '2026-05-31' },
        status: 201,
      },
      {
        name: 'after today',
        as: cm,
        method: 'POST',
        path: `${b}/confirmation`,
        body: { asOf: '2099-01-31' },
        status: 422,
      },
    ],
    disputeStatementLine: [
      {
        name: 'a line disputed',
        as: cm,
        method: 'POST',
        path: `${b}/disputes`,
        body: { asOf: '2026-05-31', document: f.invoice, note: 'goods returned' },
        status: 201,
      },
      {
        name: 'unknown document',
        as: cm,
        method: 'POST',
        path: `${b}/disputes`,
        body: { asOf: '2026-05-31', document: 'NOPE', note: 'x' },
        status: 404,
      },
    ],
    sendStatement: [
      // UP-B1: the buyer the buyers' upload example created, with an e-mail address.
      {
        name: 'queued',
        as: 'collector',
        method: 'POST',
        path: '/api/v1/buyers/UP-B1/statement/send',
        body: { asOf: '2026-06-30' },
        status: 202,
      },
      {
        name: 'unknown buyer',
        as: 'collector',
        method: 'POST',
        path: '/api/v1/buyers/NOPE/statement/send',
        body: {},
        status: 404,
      },
    ],
    sendKeyAccountStatements: [
      { name: 'queued', as: cm, method: 'POST', path: '/api/v1/statements/send', body: {}, status: 202 },
      {
        name: 'after today',
        as: 'collector',
        method: 'POST',
        path: '/api/v1/statements/send',
        body: { asOf: '2099-01-01' },
        status: 422,
      },
    ],
  };
}
