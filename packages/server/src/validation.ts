import type { ZodError } from 'zod';
import { problemResponse } from './problem';

/** A request that does not match its schema: 400, each invalid field named (`query.asOf`, `body.amount`). */
export function validationProblem(result: { error: ZodError; target: string }): Response {
  const errors = result.error.issues.map((i) => ({
    field: [result.target === 'param' ? 'path' : result.target, ...i.path.map(String)].join('.'),
    detail: i.message,
    code: i.code,
  }));
  const fields = errors.map((e) => e.field).join(', ');
  return problemResponse('validation', `invalid ${fields || result.target}`, { errors });
}
