import { TEXT_LIMITS, truncateText } from '@credence/core';

/** The longest a field is shown in a letter or case file, by its key; any other text is shown up to a note's limit. */
const SHOWN: Readonly<Record<string, number>> = {
  name: TEXT_LIMITS.name,
  legalId: TEXT_LIMITS.name,
  email: TEXT_LIMITS.email,
  // ids and numbers longer than an identifier may be (legacy data) are still shown up to a name's length
  id: TEXT_LIMITS.name,
  number: TEXT_LIMITS.name,
  reference: TEXT_LIMITS.name,
  ref: TEXT_LIMITS.name,
  by: TEXT_LIMITS.name,
  address: TEXT_LIMITS.addressLine,
};
/** Address lines shown at most. */
const ADDRESS_LINES = 10;

function bound(value: unknown, max: number, key: string): unknown {
  if (typeof value === 'string') return truncateText(value, max);
  if (Array.isArray(value)) {
    const items = key === 'address' ? value.slice(0, ADDRESS_LINES) : value;
    return items.map((v) => bound(v, max, key));
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = bound(v, SHOWN[k] ?? TEXT_LIMITS.note, k);
    return out;
  }
  return value;
}

/**
 * The data boundary of letter and case-file rendering: every text field of a letter (or case file) cut to its
 * limit with an ellipsis (names 200, address lines 500 and at most 10 lines, other text 2,000 characters), so
 * over-long data stored before imports checked lengths still renders a small letter, fast. Imports refuse such
 * data now (docs/import.md).
 */
export function boundedForRendering<T extends object>(data: T): T {
  return bound(data, TEXT_LIMITS.note, '') as T;
}
