import { addOrder, checkOrderAndNotify, ORDER_ADD_SOURCE } from '@credence/app';
import { type Failure, parseMoney } from '@credence/core';
import { policyInForce } from '@credence/runtime';
import type { Command } from 'commander';
import { CliError, type Io, withExistingStore, withStore } from '../context';
import { EXIT } from '../exit-codes';
import { dec } from '../format/money';
import { asCurrency, asDate, asFormat, asPositiveInt } from '../options';
import { LANG_OPTION, reasonLang, say } from './reason-lang';
import { emit } from './register-report';
import { rowMessage } from './row-messages';

/** Reason parameters that are amounts in minor units, by reason: printed as decimals. */
const MONEY_PARAMS: Readonly<Record<string, readonly string[]>> = {
  over_limit: ['by', 'limit'],
  within_limit: ['headroom'],
  first_order_cap: ['cap'],
  insurance_uninsured: ['uninsured', 'insured'],
};

type Out = { ok: true; text: string } | { ok: false; error: Failure };

export function registerCreditCommands(program: Command, io: Io, state: { exitCode: number }): void {
  const db = ['--db <dir>', 'embedded database directory (default ./data/credence)'] as const;
  program
    .command('credit')
    .description('order credit check')
    .command('check')
    .description('approve, hold or refer an order, with the reasons (docs/domain/credit-check.md)')
    .requiredOption('--buyer <id>', 'buyer id')
    .requiredOption('--amount <amount>', 'order amount, e.g. 12000.00')
    .requiredOption('--currency <code>', 'ISO 4217 currency', asCurrency)
    .option('--as-of <date>', 'check as of this date (default: today)', asDate)
    .option(
      '--terms <days>',
      "the order's payment terms in days (referred when the buyer's tier allows fewer)",
      asPositiveInt,
    )
    .option('--policy <file>', 'check policy JSON (default: the shipped one)')
    .option('--format <format>', 'table or json', asFormat, 'table')
    .option(...LANG_OPTION)
    .option(...db)
    .action(async (o) => {
      const words = say(reasonLang(o.lang, io.env));
      const m = parseMoney(o.amount, o.currency);
      if (!m.ok || m.value.amount <= 0n)
        throw new CliError(`"${o.amount}" is not an amount greater than zero in ${o.currency}`, EXIT.usage);
      const asOf = o.asOf ?? io.clock.today();
      const r = await withExistingStore(o, io, async (s): Promise<Out> => {
        const policy = await policyInForce(s, 'check', o.policy);
        const c = await checkOrderAndNotify(s, policy, {
          buyerId: o.buyer,
          amount: m.value.amount,
          currency: o.currency,
          asOf,
          ...(o.terms !== undefined ? { termsDays: o.terms } : {}),
        });
        if (!c.ok) return c;
        const v = c.value;
        const cur = v.currency;
        const d = (x: bigint) => dec(x, cur);
        if (o.format === 'json')
          return {
            ok: true,
            text: JSON.stringify(
              {
                buyerId: v.buyerId,
                asOf: v.asOf,
                decision: v.decision,
                currency: cur,
                order: d(v.orderAmount),
                limit: v.limit === undefined ? null : d(v.limit),
                exposure: {
                  openReceivables: d(v.exposure.openReceivables),
                  openOrders: d(v.exposure.openOrders),
                  deliveredNotInvoiced: d(v.exposure.deliveredNotInvoiced),
                  afterOrder: d(v.exposureAfter),
                  secured: d(v.secured),
                },
                reasons: v.reasons.map((x) => ({
                  code: x.code,
                  params: Object.fromEntries(
                    Object.entries(x.params).map(([k, p]) => [k, MONEY_PARAMS[x.code]?.includes(k) ? d(BigInt(p)) : p]),
                  ),
                  text: words.check(x, cur),
                })),
              },
              null,
              2,
            ),
          };
        return {
          ok: true,
          text: [
            `${v.decision.toUpperCase()}: order of ${cur} ${d(v.orderAmount)} for ${v.buyerId} as of ${v.asOf}`,
            ...v.reasons.map((x) => `  ${words.check(x, cur)}`),
            ...(v.secured > 0n ? [`Secured ${cur} ${d(v.secured)} by guarantees and letters of credit in force`] : []),
            `Exposure ${cur} ${d(v.exposureAfter)} = receivables ${d(v.exposure.openReceivables)} + open orders ${d(v.exposure.openOrders)} + delivered not invoiced ${d(v.exposure.deliveredNotInvoiced)} + this order ${d(v.orderAmount)}${v.secured > 0n ? ` − secured ${d(v.secured)}` : ''}; limit ${v.limit === undefined ? 'none' : `${cur} ${d(v.limit)}`}`,
          ].join('\n'),
        };
      });
      emit(io, state, r);
    });

  program
    .command('order')
    .description('orders (exposure for the credit check)')
    .command('add')
    .description('record or update one order (same as importing a one-row file)')
    .requiredOption('--id <id>', 'order id')
    .requiredOption('--buyer <id>', 'buyer id')
    .requiredOption('--date <date>', 'order date', asDate)
    .requiredOption('--amount <amount>', 'decimal amount')
    .requiredOption('--currency <code>', 'ISO 4217 currency', asCurrency)
    .option('--status <status>', 'open, delivered, invoiced or cancelled', 'open')
    .option(...db)
    .action(async (o) => {
      const r = await withStore(o, io, (s) =>
        addOrder(s, {
          id: o.id,
          buyerId: o.buyer,
          date: o.date,
          amount: o.amount,
          currency: o.currency,
          status: o.status,
        }),
      );
      if (r.ok) {
        io.out(`Order ${o.id} ${r.value.created ? 'recorded' : r.value.updated ? 'updated' : 'unchanged'}.`);
        return;
      }
      for (const e of r.error.errors)
        io.err(rowMessage(e).replace(`${ORDER_ADD_SOURCE}: row 1, column `, 'credence: --'));
      state.exitCode = EXIT.rejected;
    });
}
