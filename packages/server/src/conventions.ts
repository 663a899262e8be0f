import {
  type BusinessDate,
  type CurrencyCode,
  isCurrency,
  money,
  parseDate,
  parseMoney,
  type Result,
  toDecimalString,
} from '@credence/core';
import { z } from '@hono/zod-openapi';

/**
 * The API's one encoding of each kind of value (docs/api.md): money is `{ "amount": "1234.50", "currency": "EUR" }`,
 * the amount an exact decimal string with the currency's own number of decimals (core `toDecimalString` of bigint
 * minor units: JPY none, EUR two, KWD three); business dates are `YYYY-MM-DD`.
 */
export const Currency = z
  .string()
  .refine(isCurrency, { message: 'not an ISO 4217 currency code' })
  .openapi({ description: 'ISO 4217 currency code', example: 'EUR' });

export const IsoDate = z
  .string()
  .refine((s) => parseDate(s).ok, { message: 'not a date YYYY-MM-DD' })
  .openapi({ format: 'date', description: 'a business date, YYYY-MM-DD', example: '2026-06-30' });

const DECIMAL = /^-?\d+(\.\d+)?$/;

export const Money = z
  .object({
    amount: z.string().regex(DECIMAL).openapi({ description: 'exact decimal, dot separator', example: '1234.50' }),
    currency: z.string().openapi({ example: 'EUR' }),
  })
  .openapi('Money');

export type MoneyJson = z.infer<typeof Money>;

export const moneyJson = (amount: bigint, currency: CurrencyCode): MoneyJson => ({
  amount: toDecimalString(money(amount, currency)),
  currency,
});

/**
 * Money in a request: `amount` a decimal string the currency can hold ('12.345' EUR is refused, never rounded)
 * and greater than zero. The issue names the field, so the problem lists it.
 */
export function checkPositiveAmount(v: { amount: string; currency: string }, ctx: z.RefinementCtx): void {
  if (!isCurrency(v.currency)) return;
  const m = parseMoney(v.amount, v.currency);
  if (!m.ok || m.value.amount <= 0n)
    ctx.addIssue({
      code: 'custom',
      path: ['amount'],
      message: `not an amount greater than zero in ${v.currency}${m.ok ? '' : ` (${String(m.error.params.reason ?? m.error.code)})`}`,
    });
}

export const Amount = z.string().openapi({ description: 'exact decimal string, dot separator', example: '12000.00' });

/** The amount of a request that passed `PositiveAmount` (so it parses). */
export function minorUnits(amount: string, currency: string): bigint {
  const m: Result<{ amount: bigint }> = parseMoney(amount, currency);
  if (!m.ok) throw new Error(`unchecked amount ${amount} ${currency}`);
  return m.value.amount;
}

export const asDate = (s: string): BusinessDate => s as BusinessDate;
export const asCurrency = (s: string): CurrencyCode => s as CurrencyCode;

/** `?asOf=` shared by the reads: the date of the figures, today in the creditor's time zone when absent. */
export const AsOfQuery = z.object({
  asOf: IsoDate.optional().openapi({ param: { name: 'asOf', in: 'query' }, description: 'default: today' }),
});

export const BuyerParam = z.object({
  id: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'B0001' }),
});
