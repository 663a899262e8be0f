import { fail, ok, type Result } from '@credence/core';
import type { Store } from '../ports';
import type { LearnedIban } from './ports';

/** An IBAN as the map keeps it: no spaces, upper case; two letters, two digits, then letters and digits. */
export function normaliseIban(raw: string): Result<string> {
  const iban = raw.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban))
    return fail('invalid_field', { field: 'iban', reason: 'not_an_iban', value: raw });
  return ok(iban);
}

/** `cash ibans set`: a person says whose an IBAN is (replacing what was learned). The buyer must exist. Audited. */
export async function setLearnedIban(
  store: Store,
  x: { readonly iban: string; readonly buyerId: string; readonly by: string },
): Promise<Result<LearnedIban>> {
  const iban = normaliseIban(x.iban);
  if (!iban.ok) return iban;
  return store.transact(async (tx) => {
    if ((await tx.getBuyer(x.buyerId)) === undefined) return fail('unknown_buyer', { buyerId: x.buyerId });
    const row: LearnedIban = { iban: iban.value, buyerId: x.buyerId, setBy: x.by };
    await tx.putLearnedIbans([row]);
    return ok(row);
  });
}

/** `cash ibans remove`: the IBAN is no evidence of any buyer any more. Audited. */
export async function removeLearnedIban(store: Store, raw: string): Promise<Result<{ iban: string }>> {
  const iban = normaliseIban(raw);
  if (!iban.ok) return iban;
  return store.transact(async (tx) => {
    if (!(await tx.learnedIbans()).some((i) => i.iban === iban.value))
      return fail('not_found', { kind: 'iban', id: iban.value });
    await tx.removeLearnedIban(iban.value);
    return ok({ iban: iban.value });
  });
}
