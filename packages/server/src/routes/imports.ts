import { actorOf, type ImportFailure, type ImportKind, importRows } from '@credence/app';
import {
  ENCODING_NAMES,
  type Encoding,
  encodingNamed,
  FileReadError,
  rowsFromUpload,
  XLSX_TYPE,
} from '@credence/files';
import { createRoute, z } from '@hono/zod-openapi';
import { Problem, problemBody, problemResponse } from '../problem';
import { type Access, defineRoute, json, problems, SECURED } from '../route';
import { CREDIT, LEDGER_WRITERS, MASTER_DATA, REFERENCE_DATA } from './access';

/** The largest file an upload takes; bigger files go through `credence import`, which streams them. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

const Summary = z
  .object({
    kind: z.string(),
    file: z.string(),
    rows: z.number().int().openapi({ description: 'data rows read' }),
    skipped: z.number().int(),
    created: z.number().int(),
    updated: z.number().int().openapi({ description: 'buyers whose master data changed' }),
    unchanged: z.number().int().openapi({ description: 'already recorded with the same content' }),
    allocations: z.number().int(),
  })
  .openapi('ImportSummary');

const RowErrorJson = z
  .object({
    row: z.number().int().openapi({ description: 'as a spreadsheet numbers it: the header is row 1' }),
    column: z.string().openapi({ description: "the file's own column name" }),
    value: z.string(),
    code: z.string(),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
  })
  .openapi('ImportRowError');

export const Rejected = Problem.extend({
  errorCount: z.number().int().openapi({ description: 'every row error (rowErrors holds the first maxErrors)' }),
  rowErrors: z.array(RowErrorJson),
}).openapi('ImportRejected');

export const UploadQuery = z.object({
  name: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .openapi({
      param: { name: 'name', in: 'query' },
      description: "the file's name, recorded as the entries' source (default: the part's, else upload.csv)",
    }),
  maxErrors: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .optional()
    .openapi({
      param: { name: 'maxErrors', in: 'query' },
      description: 'row errors to return (all are counted); default 100',
    }),
  encoding: z
    .string()
    .refine((v) => encodingNamed(v) !== undefined, { message: `one of ${ENCODING_NAMES.join(', ')}` })
    .optional()
    .openapi({
      param: { name: 'encoding', in: 'query' },
      description:
        "a CSV file's encoding, as `credence import --encoding` names it (default: a BOM, UTF-8, or detected)",
    }),
  sheet: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .openapi({ param: { name: 'sheet', in: 'query' }, description: "an XLSX file's worksheet (default: the first)" }),
});

export const Csv = z
  .string()
  .openapi({ description: 'the file: a header row, then one row per entry (docs/import.md)' });
export const Bytes = z.string().openapi({
  type: 'string',
  format: 'binary',
  description: 'the file: XLSX when it starts as a zip file does, else CSV',
});
export const Xlsx = z
  .string()
  .openapi({ type: 'string', format: 'binary', description: 'an XLSX workbook: the header on row 1' });
export const FilePart = z.object({
  file: z
    .custom<File>((v) => v instanceof File, { message: 'a file part named "file"' })
    .openapi({ type: 'string', format: 'binary' })
    // Optional to the validator, which also reads a text/csv body as a form; a multipart body without it is refused.
    .optional(),
});

/** The file rejected: the problem, with every row error as `credence import --format json` lists them. */
export function rejected(f: ImportFailure): Response {
  const first = f.errors[0];
  const detail = `nothing imported: ${f.errorCount} ${f.errorCount === 1 ? 'row error' : 'row errors'}${
    first ? ` (first: row ${first.row}, ${first.column}: ${first.code.replaceAll('_', ' ')})` : ''
  }`;
  const body = {
    ...problemBody('rejected', detail, { code: f.code, params: { ...f.params } }),
    errorCount: f.errorCount,
    rowErrors: f.errors.map((e) => ({
      row: e.row,
      column: e.column,
      value: e.value,
      code: e.code,
      params: { ...e.params },
    })),
  };
  return new Response(JSON.stringify(body), { status: 422, headers: { 'content-type': 'application/problem+json' } });
}

/** A file of a kind, uploaded: all or nothing, with the row errors of `credence import KIND FILE`. */
function importRoute(kind: ImportKind, operationId: string, what: string, access: Access) {
  return defineRoute(
    access,
    createRoute({
      operationId,
      method: 'post',
      path: `/imports/${kind}`,
      tags: ['imports'],
      summary: `Upload a CSV or XLSX file of ${what} (as \`credence import ${kind}\`): all or nothing, with its row errors`,
      description:
        'The body is the file (`text/csv` in any encoding `credence import` reads, or an XLSX workbook, told by its ' +
        'media type or its first bytes), or a `multipart/form-data` part named `file`. The canonical columns of ' +
        'docs/import.md; the delimiter is read from the header. Read by the same code as `credence import`, so the ' +
        'same file gets the same row errors. Mapping files: `credence import`.',
      request: {
        query: UploadQuery,
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
        200: json(Summary, 'imported: what was created, updated and unchanged'),
        422: {
          description: 'rejected: nothing of the file was written (the row errors)',
          content: { 'application/problem+json': { schema: Rejected } },
        },
        ...problems(...SECURED, 'malformed-request', 'too-large'),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const p = c.var.principal;
      if (p === undefined) throw new Error('an upload on a public route');
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
      const store = c.var.deps.store.withActor({ ...actorOf(p), source: file });
      try {
        const source = await rowsFromUpload(file, bytes, {
          contentType,
          ...(q.encoding !== undefined ? { encoding: encodingNamed(q.encoding) as Encoding } : {}),
          ...(q.sheet !== undefined ? { sheet: q.sheet } : {}),
        });
        // CSV rows are read as they are imported: bytes not valid in the encoding deep in the file throw here too.
        const r = await importRows(store, kind, source, undefined, { maxErrors: q.maxErrors ?? 100 });
        return r.ok ? c.json({ ...r.value }, 200) : rejected(r.error);
      } catch (e) {
        if (!(e instanceof FileReadError)) throw e;
        return problemResponse('malformed-request', e.message, {
          ...(e.row !== undefined ? { params: { row: e.row } } : {}),
        });
      }
    },
  );
}

export const importInvoices = importRoute('invoices', 'importDocuments', 'invoices and credit notes', LEDGER_WRITERS);
export const importPaymentsRoute = importRoute('payments', 'importPayments', 'payments', LEDGER_WRITERS);
export const importBuyersRoute = importRoute('buyers', 'importBuyers', 'buyers (master data)', MASTER_DATA);
export const importFxRatesRoute = importRoute('fx-rates', 'importFxRates', 'FX rates', REFERENCE_DATA);
export const importStatementsRoute = importRoute(
  'statements',
  'importStatements',
  "buyers' financial statements",
  CREDIT,
);
export const importOrdersRoute = importRoute('orders', 'importOrders', 'orders (open or delivered)', MASTER_DATA);
