import type { ErrorCode, Failure } from '@credence/core';
import { z } from '@hono/zod-openapi';

/** Every problem type the API answers with: its stable URI is `${PROBLEM_BASE}${slug}` (RFC 9457). */
export const PROBLEM_BASE = 'https://credence.dev/problems/';

export const PROBLEMS = {
  validation: { status: 400, title: 'The request is not valid' },
  'malformed-request': { status: 400, title: 'The request cannot be read' },
  unauthenticated: { status: 401, title: 'Authentication required' },
  forbidden: { status: 403, title: 'Your role does not allow this' },
  'not-allowed': { status: 403, title: 'The rules do not allow this' },
  'not-found': { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'Conflicts with what is recorded' },
  'too-large': { status: 413, title: 'The request body is too large' },
  rejected: { status: 422, title: 'The request was understood but rejected' },
  'missing-data': { status: 422, title: 'Data the answer needs is missing' },
  unavailable: { status: 503, title: 'The store is unavailable' },
  internal: { status: 500, title: 'Unexpected error' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemSlug = keyof typeof PROBLEMS;
export type ProblemStatus = (typeof PROBLEMS)[ProblemSlug]['status'];

/** An invalid field: where it is (`body.amount`, `query.asOf`) and what is wrong with it. */
export const InvalidField = z
  .object({ field: z.string(), detail: z.string(), code: z.string().optional() })
  .openapi('InvalidField');

export const Problem = z
  .object({
    type: z.string().openapi({ example: `${PROBLEM_BASE}validation` }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    /** The domain's error code (core `ErrorCode`), when the problem comes from a use case. */
    code: z.string().optional(),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    errors: z.array(InvalidField).optional(),
  })
  .openapi('Problem');

export type ProblemBody = z.infer<typeof Problem>;

export function problemBody(slug: ProblemSlug, detail: string, extra: Partial<ProblemBody> = {}): ProblemBody {
  const p = PROBLEMS[slug];
  return { type: `${PROBLEM_BASE}${slug}`, title: p.title, status: p.status, detail, ...extra };
}

/** A problem as a response, `application/problem+json`. */
export function problemResponse(slug: ProblemSlug, detail: string, extra: Partial<ProblemBody> = {}): Response {
  const body = problemBody(slug, detail, extra);
  const headers: Record<string, string> = { 'content-type': 'application/problem+json' };
  if (slug === 'unauthenticated') headers['www-authenticate'] = 'Bearer';
  return new Response(JSON.stringify(body), { status: body.status, headers });
}

/** The one table from a use case's error code to a problem type (the CLI's is exit-codes.ts). */
const BY_CODE: Readonly<Record<ErrorCode, ProblemSlug>> = {
  invalid_amount: 'rejected',
  invalid_currency: 'rejected',
  currency_mismatch: 'rejected',
  invalid_date: 'rejected',
  invalid_rate: 'rejected',
  invalid_field: 'rejected',
  missing_field: 'rejected',
  invalid_buckets: 'rejected',
  invalid_argument: 'rejected',
  import_rejected: 'rejected',
  unknown_buyer: 'not-found',
  unknown_document: 'rejected',
  not_found: 'not-found',
  idempotency_conflict: 'conflict',
  document_conflict: 'conflict',
  missing_fx_rate: 'missing-data',
  not_allowed: 'not-allowed',
  store_locked: 'unavailable',
  run_in_progress: 'conflict',
};

export const slugOf = (code: ErrorCode): ProblemSlug => BY_CODE[code];

/** A use case's failure as a problem: the code and its parameters kept, a sentence for people. */
export function failureResponse(f: Failure): Response {
  const params = Object.entries(f.params)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  const detail =
    f.code === 'not_found' || f.code === 'unknown_buyer'
      ? `no ${f.params.what ?? f.params.kind ?? 'buyer'} ${f.params.id ?? f.params.value ?? ''}`.trim()
      : `${f.code.replaceAll('_', ' ')}${params ? ` (${params})` : ''}`;
  return problemResponse(slugOf(f.code), detail, { code: f.code, params: { ...f.params } });
}
