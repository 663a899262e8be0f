import type { ZodError } from 'zod';
import { problemResponse } from './problem';

/** Where a field was, as the caller knows it: `body.amount`, `path.id`, `query.asOf`. */
const WHERE: Readonly<Record<string, string>> = { json: 'body', form: 'body', param: 'path' };

/** A request that does not match its schema: 400, each invalid field named (`query.asOf`, `body.amount`). */
export function validationProblem(result: { error: ZodError; target: string }): Response {
  const where = WHERE[result.target] ?? result.target;
  const errors = result.error.issues.map((i) => ({
    field: [where, ...i.path.map(String)].join('.'),
    detail: i.message,
    code: i.code,
  }));
  const fields = errors.map((e) => e.field).join(', ');
  return problemResponse('validation', `invalid ${fields || where}`, { errors });
}
