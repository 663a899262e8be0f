import { actorOf } from '@credence/app';
import { importInsurerDecisions, recordInsuranceEvent } from '@credence/app/insurance';
import { type Encoding, encodingNamed, FileReadError, rowsFromUpload, XLSX_TYPE } from '@credence/files';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { Amount, asDate, BuyerParam, IsoDate } from '../conventions';
import type { AppEnv } from '../deps';
import { failureResponse, Problem, problemResponse } from '../problem';
import { defineRoute, json, problems, SECURED, userOf, WITH_BODY, writer } from '../route';
import { CREDIT } from './access';
import { Bytes, Csv, FilePart, Rejected, rejected, UploadQuery, Xlsx } from './imports';
import { EventJson, eventJson } from './insurance';
import { currencies } from './insurance-reports';

// Trade credit insurance, the insured's own facts on a buyer (`credence insurance discretionary|adverse`) and the
// insurer's decisions uploaded (`credence insurance import-decisions`). Amounts in the policy's currency.

const PolicyNumber = z.string().min(1).max(100).optional().openapi({ description: 'default: the only policy' });
const Reason = z.string().max(2000).optional();

/** One fact recorded (`recordInsuranceEvent`), answered as the stored event. */
async function recorded(c: Context<AppEnv>, x: Parameters<typeof recordInsuranceEvent>[1]): Promise<Response> {
  const r = await recordInsuranceEvent(writer(c), x);
  if (!r.ok) return failureResponse(r.error);
  const cur = await currencies(c.var.deps.store);
  return c.json(eventJson(r.value, cur.get(r.value.policyNumber) ?? 'EUR'), 201);
}

export const recordDiscretionaryLimitRoute = defineRoute(
  CREDIT,
  createRoute({
    operationId: 'recordDiscretionaryLimit',
    method: 'post',
    path: '/buyers/{id}/insurance-discretionary',
    tags: ['insurance'],
    summary:
      'A discretionary limit, self-assessed on a credit report, up to the policy maximum (`credence insurance discretionary`)',
    description: 'Dated by the credit report; audited. The same limit again returns the stored one.',
    request: {
      params: BuyerParam,
      body: {
        required: true,
        content: {
          'application/json': {
            schema: z.object({
              policyNumber: PolicyNumber,
              amount: Amount,
              reportDate: IsoDate.openapi({ description: "the credit report's date" }),
              reason: Reason,
            }),
          },
        },
      },
    },
    responses: {
      201: json(EventJson, 'recorded'),
      ...problems(...SECURED, ...WITH_BODY, 'not-found', 'not-allowed', 'rejected'),
    },
  }),
  async (c) => {
    const b = c.req.valid('json');
    return recorded(c, {
      buyerId: c.req.valid('param').id,
      kind: 'discretionary',
      amount: b.amount,
      date: asDate(b.reportDate),
      by: userOf(c),
      ...(b.policyNumber !== undefined ? { policyNumber: b.policyNumber } : {}),
      ...(b.reason !== undefined ? { reason: b.reason } : {}),
    });
  },
);

export const recordAdverseInformationRoute = defineRoute(
  CREDIT,
  createRoute({
    operationId: 'recordAdverseInformation',
    method: 'post',
    path: '/buyers/{id}/insurance-adverse',
    tags: ['insurance'],
    summary:
      'Adverse information learnt on a buyer (to report within adverseInfoDays), or its report to the insurer (`credence insurance adverse [--reported]`)',
    request: {
      params: BuyerParam,
      body: {
        required: true,
        content: {
          'application/json': {
            schema: z.object({
              policyNumber: PolicyNumber,
              date: IsoDate.optional().openapi({ description: 'default: today' }),
              reported: z.boolean().optional().openapi({ description: 'true: reported to the insurer on that date' }),
              reason: Reason,
            }),
          },
        },
      },
    },
    responses: {
      201: json(EventJson, 'recorded'),
      ...problems(...SECURED, ...WITH_BODY, 'not-found', 'not-allowed', 'rejected'),
    },
  }),
  async (c) => {
    const b = c.req.valid('json');
    return recorded(c, {
      buyerId: c.req.valid('param').id,
      kind: b.reported === true ? 'adverse_reported' : 'adverse_info',
      date: asDate(b.date ?? c.var.deps.clock.today()),
      by: userOf(c),
      ...(b.policyNumber !== undefined ? { policyNumber: b.policyNumber } : {}),
      ...(b.reason !== undefined ? { reason: b.reason } : {}),
    });
  },
);

export const importInsurerDecisionsRoute = defineRoute(
  CREDIT,
  createRoute({
    operationId: 'importInsurerDecisions',
    method: 'post',
    path: '/insurance/decisions',
    tags: ['insurance'],
    summary:
      "Upload the insurer's decisions, CSV or XLSX (`credence insurance import-decisions`): all or nothing, with its row errors",
    description:
      'Columns buyer_id, decision (request, approve, reduce, withdraw, discretionary, adverse), amount, currency, ' +
      'decision_date, expiry, reference. The body as the other uploads take it (`text/csv`, XLSX, or a multipart ' +
      'part named `file`). Decisions already stored are left as they are: a rerun records nothing.',
    request: {
      query: UploadQuery.extend({
        policy: z
          .string()
          .min(1)
          .max(100)
          .optional()
          .openapi({ param: { name: 'policy', in: 'query' }, description: 'the policy number; default: the only one' }),
      }),
      body: {
        required: true,
        content: {
          'text/csv': { schema: Csv },
          [XLSX_TYPE]: { schema: Xlsx },
          'application/octet-stream': { schema: Bytes },
          'multipart/form-data': { schema: FilePart },
        },
      },
    },
    responses: {
      200: json(
        z
          .object({
            file: z.string(),
            rows: z.number().int(),
            created: z.number().int(),
            unchanged: z.number().int().openapi({ description: 'already recorded' }),
          })
          .openapi('InsurerDecisionsSummary'),
        'imported',
      ),
      422: {
        description:
          'rejected: nothing of the file was written (the row errors); or no policy named when there are several',
        content: { 'application/problem+json': { schema: z.union([Rejected, Problem]) } },
      },
      ...problems(...SECURED, 'malformed-request', 'too-large', 'not-found'),
    },
  }),
  async (c) => {
    const q = c.req.valid('query');
    let name = q.name;
    let bytes: Uint8Array;
    let contentType = c.req.header('content-type') ?? '';
    if (contentType.toLowerCase().startsWith('multipart/form-data')) {
      const part = (c.req.valid('form') as { file?: File }).file;
      if (part === undefined)
        return problemResponse('malformed-request', 'a multipart upload needs a part named "file"');
      name ??= part.name || undefined;
      contentType = part.type;
      bytes = new Uint8Array(await part.arrayBuffer());
    } else bytes = new Uint8Array(await c.req.arrayBuffer());
    const file = name ?? 'upload.csv';
    const store = c.var.deps.store.withActor({ ...actorOf(c.var.principal ?? fail()), source: file });
    try {
      const source = await rowsFromUpload(file, bytes, {
        contentType,
        ...(q.encoding !== undefined ? { encoding: encodingNamed(q.encoding) as Encoding } : {}),
        ...(q.sheet !== undefined ? { sheet: q.sheet } : {}),
      });
      const r = await importInsurerDecisions(store, source as Parameters<typeof importInsurerDecisions>[1], {
        by: userOf(c),
        ...(q.policy !== undefined ? { policyNumber: q.policy } : {}),
      });
      if (r.ok) return c.json({ ...r.value }, 200);
      const f = r.error;
      if ('errors' in f && Array.isArray(f.errors))
        return rejected({ ...(f as Parameters<typeof rejected>[0]), errors: f.errors.slice(0, q.maxErrors ?? 100) });
      return failureResponse(f);
    } catch (e) {
      if (!(e instanceof FileReadError)) throw e;
      return problemResponse('malformed-request', e.message, {
        ...(e.row !== undefined ? { params: { row: e.row } } : {}),
      });
    }
  },
);

function fail(): never {
  throw new Error('an upload on a public route');
}
