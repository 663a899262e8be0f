import type { RowError } from '@credence/app';
import { problemResponse } from '../problem';

/**
 * A single write made through an import use case (one row), refused: the import's row errors as the problem's
 * invalid fields, each named by its body field (`fieldOf`: import column → field), with the status of the worst.
 */
export function rowErrorsResponse(
  what: string,
  errors: readonly RowError[],
  fieldOf: Readonly<Record<string, string>>,
): Response {
  const fields = errors.map((e) => ({
    field: `body.${fieldOf[e.column] ?? e.column}`,
    detail: `${e.code.replaceAll('_', ' ')}${
      Object.keys(e.params).length
        ? ` (${Object.entries(e.params)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')})`
        : ''
    }`,
    code: e.code,
  }));
  const conflict = errors.some((e) => e.code === 'document_conflict' || e.code === 'idempotency_conflict');
  const unknownBuyer = errors.some((e) => e.code === 'unknown_buyer');
  return problemResponse(
    conflict ? 'conflict' : unknownBuyer ? 'not-found' : 'rejected',
    `the ${what} was not recorded: ${fields.map((f) => `${f.field}: ${f.detail}`).join('; ')}`,
    { code: errors[0]?.code ?? 'import_rejected', errors: fields },
  );
}
