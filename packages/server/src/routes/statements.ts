import { accountStatement } from '@credence/app';
import { renderStatementHtml, renderStatementPdf, statementLanguage } from '@credence/letters';
import { createRoute, z } from '@hono/zod-openapi';
import { AsOfQuery, asDate, BuyerParam, IsoDate } from '../conventions';
import { failureResponse } from '../problem';
import { defineRoute, problems, SECURED } from '../route';
import { REPORTERS } from './access';

const StatementQuery = AsOfQuery.extend({
  from: IsoDate.optional().openapi({
    param: { name: 'from', in: 'query' },
    description: 'first day of the period; default the first of the month',
  }),
  format: z
    .enum(['pdf', 'html'])
    .optional()
    .openapi({ param: { name: 'format', in: 'query' }, description: 'default pdf' }),
  lang: z
    .enum(['en', 'zh-CN', 'zh-TW'])
    .optional()
    .openapi({ param: { name: 'lang', in: 'query' }, description: "default the buyer's language, else en" }),
});

export const statementRoute = defineRoute(
  REPORTERS,
  createRoute({
    operationId: 'accountStatement',
    method: 'get',
    path: '/buyers/{id}/statement',
    tags: ['buyers'],
    summary:
      'The account statement (对账单): opening balance, documents, payments, closing balance, aging (`credence statement buyer`)',
    request: { params: BuyerParam, query: StatementQuery },
    responses: {
      200: {
        description: 'the statement',
        content: {
          'application/pdf': { schema: z.string().openapi({ format: 'binary' }) },
          'text/html': { schema: z.string() },
        },
      },
      ...problems(...SECURED, 'not-found', 'rejected'),
    },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const q = c.req.valid('query');
    const { clock, company } = c.var.deps;
    const asOf = asDate(q.asOf ?? clock.today());
    const r = await accountStatement(c.var.deps.store, {
      buyerId: id,
      asOf,
      ...(q.from !== undefined ? { from: asDate(q.from) } : {}),
    });
    if (!r.ok) return failureResponse(r.error);
    const lang = q.lang ?? statementLanguage(r.value.buyer);
    const creditor = company?.name ?? 'Credence';
    if (q.format === 'html')
      return new Response(renderStatementHtml(r.value, lang, creditor), {
        headers: { 'content-type': 'text/html; charset=utf-8' },
      });
    return new Response(new Uint8Array(await renderStatementPdf(r.value, lang, creditor)), {
      headers: {
        'content-type': 'application/pdf',
        'content-disposition': `inline; filename="statement-${id.replace(/[^A-Za-z0-9._-]/g, '_')}-${asOf}.pdf"`,
      },
    });
  },
);
