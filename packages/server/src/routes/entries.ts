import { importDocuments, recordPayment } from '@credence/app';
import { createRoute, z } from '@hono/zod-openapi';
import {
  Amount,
  asCurrency,
  asDate,
  Currency,
  checkPositiveAmount,
  IsoDate,
  Money,
  minorUnits,
  moneyJson,
} from '../conventions';
import { failureResponse } from '../problem';
import { defineRoute, json, problems, SECURED, WITH_BODY, writer } from '../route';
import { LEDGER_WRITERS } from './access';
import { rowErrorsResponse } from './row-errors';

const Id = z.string().min(1).max(200);

const DocumentBody = z
  .object({
    number: Id.openapi({ example: 'INV-2026-0042' }),
    buyerId: Id,
    type: z.enum(['invoice', 'credit_note']).optional().openapi({ description: 'default invoice' }),
    issueDate: IsoDate,
    dueDate: IsoDate,
    amount: Amount,
    currency: Currency,
    deliveryDate: IsoDate.optional(),
    orderRef: Id.optional(),
    appliesTo: Id.optional().openapi({ description: 'the invoice a credit note reduces' }),
  })
  .superRefine(checkPositiveAmount)
  .openapi('DocumentRequest');

/** The canonical columns of `import invoices` (docs/import.md). */
const INVOICE_COLUMNS = [
  'document_number',
  'buyer_id',
  'issue_date',
  'due_date',
  'amount',
  'currency',
  'type',
  'delivery_date',
  'order_ref',
  'applies_to',
] as const;

/** Body field of each import column, so a row error names what the caller sent. */
const FIELD_OF: Readonly<Record<(typeof INVOICE_COLUMNS)[number], string>> = {
  document_number: 'number',
  buyer_id: 'buyerId',
  issue_date: 'issueDate',
  due_date: 'dueDate',
  amount: 'amount',
  currency: 'currency',
  type: 'type',
  delivery_date: 'deliveryDate',
  order_ref: 'orderRef',
  applies_to: 'appliesTo',
};

const Recorded = z.object({ created: z.boolean().openapi({ description: 'false: already recorded, unchanged' }) });

export const recordDocument = defineRoute(
  LEDGER_WRITERS,
  createRoute({
    operationId: 'recordDocument',
    method: 'post',
    path: '/documents',
    tags: ['ledger'],
    summary: 'Record one invoice or credit note (the same checks and row errors as `credence import invoices`)',
    description: 'Idempotent on the number: the same content again changes nothing (200); other content is a conflict.',
    request: { body: { required: true, content: { 'application/json': { schema: DocumentBody } } } },
    responses: {
      200: json(Recorded, 'already recorded with this content'),
      201: json(Recorded, 'recorded'),
      ...problems(...SECURED, ...WITH_BODY, 'not-found', 'conflict', 'rejected'),
    },
  }),
  async (c) => {
    const b = c.req.valid('json');
    const values: Record<(typeof INVOICE_COLUMNS)[number], string> = {
      document_number: b.number,
      buyer_id: b.buyerId,
      issue_date: b.issueDate,
      due_date: b.dueDate,
      amount: b.amount,
      currency: b.currency,
      type: b.type ?? 'invoice',
      delivery_date: b.deliveryDate ?? '',
      order_ref: b.orderRef ?? '',
      applies_to: b.appliesTo ?? '',
    };
    const r = await importDocuments(writer(c), { file: 'api', columns: INVOICE_COLUMNS, rows: [{ row: 1, values }] });
    if (!r.ok) return rowErrorsResponse('document', r.error.errors, FIELD_OF);
    const created = r.value.created > 0;
    return c.json({ created }, created ? 201 : 200);
  },
);

const PaymentBody = z
  .object({
    id: Id.openapi({ description: 'the idempotency key', example: 'PAY-2026-0815' }),
    buyerId: Id,
    date: IsoDate,
    amount: Amount,
    currency: Currency,
    documentNumber: Id.optional().openapi({ description: 'the invoice it pays (default: oldest due first)' }),
  })
  .superRefine(checkPositiveAmount)
  .openapi('PaymentRequest');

const PaymentRecorded = z
  .object({
    id: z.string(),
    created: z.boolean(),
    allocations: z.array(z.object({ documentNumber: z.string(), settled: Money })),
    unapplied: Money,
  })
  .openapi('PaymentRecorded');

export const recordPaymentRoute = defineRoute(
  LEDGER_WRITERS,
  createRoute({
    operationId: 'recordPayment',
    method: 'post',
    path: '/payments',
    tags: ['ledger'],
    summary: 'Record one payment, allocated like an imported one (named document, else oldest due first)',
    description: 'Idempotent on the id: the same content again changes nothing (200); other content is a conflict.',
    request: { body: { required: true, content: { 'application/json': { schema: PaymentBody } } } },
    responses: {
      200: json(PaymentRecorded, 'already recorded with this content'),
      201: json(PaymentRecorded, 'recorded and allocated'),
      ...problems(...SECURED, ...WITH_BODY, 'not-found', 'conflict', 'rejected'),
    },
  }),
  async (c) => {
    const b = c.req.valid('json');
    const currency = asCurrency(b.currency);
    const r = await recordPayment(writer(c), {
      id: b.id,
      buyerId: b.buyerId,
      date: asDate(b.date),
      amount: minorUnits(b.amount, currency),
      currency,
      ...(b.documentNumber !== undefined ? { documentNumber: b.documentNumber } : {}),
    });
    if (!r.ok) return failureResponse(r.error);
    const v = r.value;
    return c.json(
      {
        id: b.id,
        created: v.created,
        allocations: v.allocations.map((a) => ({
          documentNumber: a.documentNumber,
          settled: moneyJson(-a.delta, a.currency),
        })),
        unapplied: moneyJson(v.unapplied, currency),
      },
      v.created ? 201 : 200,
    );
  },
);
