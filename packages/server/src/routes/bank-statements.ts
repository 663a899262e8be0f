import { actorOf, importBankStatement, type MatchBankLinesSummary, matchBankLines } from '@credence/app';
import { BANK_FORMATS, type BankFormat, bankErrorText, parseBankStatement } from '@credence/files';
import { policyInForce } from '@credence/runtime';
import { createRoute, z } from '@hono/zod-openapi';
import { Problem, problemBody, problemResponse } from '../problem';
import { defineRoute, json, problems, SECURED } from '../route';
import { LEDGER_WRITERS } from './access';

const Imported = z
  .object({
    file: z.string(),
    statements: z.array(
      z.object({
        id: z
          .string()
          .openapi({ description: 'the stored statement (`BST-` + hash), or the one a skipped statement repeats' }),
        account: z.string(),
        statementId: z.string(),
        sequence: z.string().optional(),
        outcome: z.enum(['imported', 'skipped']),
        skipped: z.object({ reason: z.enum(['same_statement', 'same_content']), of: z.string() }).optional(),
        lines: z.number().int(),
        unmatched: z.number().int().openapi({ description: 'credits on a receivable account, waiting for matching' }),
        ignored: z
          .number()
          .int()
          .openapi({ description: 'debits, reversals, returns, other accounts: kept, never payments' }),
      }),
    ),
    paymentsCreated: z
      .number()
      .int()
      .openapi({ description: 'the payments the matching step wrote (applied and on account); 0 with `match=false`' }),
    matched: z
      .object({
        lines: z
          .number()
          .int()
          .openapi({ description: 'the lines the matching step decided (this file and any waiting)' }),
        counts: z
          .record(z.string(), z.number().int())
          .openapi({ description: 'by state: applied, on_account, review, suspense, ignored' }),
        learned: z.number().int().openapi({ description: 'payer IBANs learned from applied lines' }),
      })
      .optional()
      .openapi({ description: 'the matching step, run after the import unless `match=false`' }),
  })
  .openapi('BankStatementImport');

const Rejected = Problem.extend({
  errors: z.array(
    z.object({
      statement: z.string().optional(),
      entry: z.number().int().optional(),
      transaction: z.number().int().optional(),
      field: z.string().optional(),
      reason: z.string().openapi({ description: "the parser's reason, or the use case's error code" }),
      message: z.string().openapi({ description: 'where and what, in one line' }),
    }),
  ),
}).openapi('BankStatementRejected');

const Query = z.object({
  name: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .openapi({ param: { name: 'name', in: 'query' }, description: "the file's name, recorded as the source" }),
  format: z
    .enum(BANK_FORMATS)
    .optional()
    .openapi({ param: { name: 'format', in: 'query' }, description: 'camt or mt940 (default: detected)' }),
  account: z
    .string()
    .min(5)
    .max(64)
    .optional()
    .openapi({
      param: { name: 'account', in: 'query' },
      description: 'the account (IBAN) when the file names none; else checked against it',
    }),
  match: z
    .enum(['true', 'false'])
    .optional()
    .openapi({
      param: { name: 'match', in: 'query' },
      description:
        'false: store only; the lines wait for `POST /cash/match` or the next live dunning run (default true)',
    }),
});

const Bytes = z
  .string()
  .openapi({ type: 'string', format: 'binary', description: 'a camt.053/054 document or an MT940 file' });

function rejected(
  errors: readonly {
    statement?: string;
    entry?: number;
    transaction?: number;
    field?: string;
    reason: string;
    message: string;
  }[],
) {
  const body = { ...problemBody('rejected', `nothing imported: ${errors[0]?.message ?? 'rejected'}`), errors };
  return new Response(JSON.stringify(body), { status: 422, headers: { 'content-type': 'application/problem+json' } });
}

/** `POST /bank-statements`: `credence import bank-statement` over HTTP (the body is the file). */
export const importBankStatementRoute = defineRoute(
  LEDGER_WRITERS,
  createRoute({
    operationId: 'importBankStatement',
    method: 'post',
    path: '/bank-statements',
    tags: ['imports'],
    summary: 'Upload a bank statement (camt.053, camt.054, MT940): stored once, all or nothing, then matched',
    description:
      'The body is the file as the bank sent it (UTF-8 with or without a BOM, or ISO-8859-1/15). Balances are checked; a ' +
      'statement already imported (same account, id and sequence, or same content) is skipped and reported. Credits on ' +
      "the company's account are then matched (as `credence import bank-statement`): the sure ones applied, the rest " +
      'in review, on account or in suspense; `match=false` only stores them (docs/domain/cash-application.md).',
    request: {
      query: Query,
      body: {
        required: true,
        content: {
          'application/xml': { schema: Bytes },
          'text/plain': { schema: Bytes },
          'application/octet-stream': { schema: Bytes },
        },
      },
    },
    responses: {
      200: json(Imported, 'imported or skipped, statement by statement'),
      422: {
        description: 'rejected: nothing was written',
        content: { 'application/problem+json': { schema: Rejected } },
      },
      ...problems(...SECURED, 'malformed-request', 'too-large'),
    },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const p = c.var.principal;
    if (p === undefined) throw new Error('an upload on a public route');
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.length === 0) return problemResponse('malformed-request', 'the body is empty: send the statement file');
    const file = q.name ?? 'statement';
    const parsed = parseBankStatement(bytes, q.format === undefined ? {} : { format: q.format as BankFormat });
    if (!parsed.ok) return rejected(parsed.errors.map((e) => ({ ...e, message: bankErrorText(e) })));
    const store = c.var.deps.store.withActor({ ...actorOf(p), source: file });
    const iban = c.var.deps.company?.bankAccount.iban;
    const r = await importBankStatement(store, parsed.value, {
      ...(q.account === undefined ? {} : { account: q.account }),
      ...(iban === undefined ? {} : { receivableAccounts: [iban] }),
    });
    if (!r.ok)
      return rejected(
        r.error.map((e) => ({
          statement: e.statement,
          reason: e.code,
          message: `statement ${e.statement}: ${e.code}: ${Object.entries(e.params)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')}`,
        })),
      );
    // The matching step on what waits (this file's lines and any left before), as the CLI's import runs it.
    let matched: MatchBankLinesSummary | undefined;
    if (q.match !== 'false') {
      const m = await matchBankLines(store, { by: p.user, policy: await policyInForce(store, 'cash') });
      if (m.ok) matched = m.value;
    }
    return c.json(
      {
        file,
        statements: r.value.statements.map((s) => ({ ...s })),
        paymentsCreated: matched?.payments.length ?? 0,
        ...(matched === undefined
          ? {}
          : { matched: { lines: matched.lines, counts: { ...matched.counts }, learned: matched.learned } }),
      },
      200,
    );
  },
);
