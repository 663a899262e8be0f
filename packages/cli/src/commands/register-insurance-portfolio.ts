import { type CurrencyCode, renderTable } from '@credence/core';
import type { Command } from 'commander';
import { type Io, withExistingStore } from '../context';
import { dec } from '../format/money';
import { asPositiveInt } from '../options';
import { json, type Out, type State, useCases, withOptions } from './insurance-shared';
import { emit } from './register-report';

/** `credence insurance exposure|deadlines`: the portfolio under the policies. */
export function registerInsurancePortfolio(ins: Command, io: Io, state: State): void {
  withOptions(
    ins.command('exposure').description('per buyer: receivables, insured and uninsured parts, limit, headroom'),
    'asOf',
    'format',
    'db',
  ).action(async (o) => {
    const { insuranceExposure } = await useCases();
    const asOf = o.asOf ?? io.clock.today();
    const r = await withExistingStore(o, io, async (s): Promise<Out> => {
      const rows = await insuranceExposure(s, asOf);
      const c = (x: bigint, cur: string) => dec(x, cur as CurrencyCode);
      if (o.format === 'json')
        return {
          ok: true,
          text: json({
            asOf,
            buyers: rows.map((x) => ({
              policyNumber: x.policyNumber,
              buyerId: x.buyerId,
              currency: x.currency,
              receivables: c(x.receivables, x.currency),
              insured: c(x.insured, x.currency),
              uninsured: c(x.uninsured, x.currency),
              limit: c(x.limit.amount, x.currency),
              limitSource: x.limit.reason,
              headroom: c(x.headroom, x.currency),
            })),
          }),
        };
      return {
        ok: true,
        text: renderTable(
          ['Policy', 'Buyer', 'Receivables', 'Insured', 'Uninsured', 'Limit', 'Headroom'].map((header) => ({ header })),
          rows.map((x) => [
            x.policyNumber,
            x.buyerId,
            c(x.receivables, x.currency),
            c(x.insured, x.currency),
            c(x.uninsured, x.currency),
            c(x.limit.amount, x.currency),
            c(x.headroom, x.currency),
          ]),
        ),
      };
    });
    emit(io, state, r);
  });

  withOptions(
    withOptions(
      ins
        .command('deadlines')
        .description('the policy deadlines falling within N days (passed ones too), soonest first'),
      'asOf',
    ).option('--within <days>', 'days ahead', asPositiveInt, 30),
    'format',
    'db',
  ).action(async (o) => {
    const { insuranceDeadlines } = await useCases();
    const asOf = o.asOf ?? io.clock.today();
    const r = await withExistingStore(o, io, async (s): Promise<Out> => {
      const list = await insuranceDeadlines(s, asOf, o.within);
      const policies = new Map(
        (await s.insurancePolicies()).map((p) => [p.policyNumber, (p.body as { currency: string }).currency]),
      );
      const amount = (d: (typeof list)[number]) =>
        dec(d.amount, (policies.get(d.policyNumber) ?? 'EUR') as CurrencyCode);
      if (o.format === 'json')
        return {
          ok: true,
          text: json({
            asOf,
            deadlines: list.map((d) => ({
              buyerId: d.buyerId,
              kind: d.kind,
              date: d.date,
              daysLeft: d.daysLeft,
              amount: amount(d),
              documents: d.documents,
              policyNumber: d.policyNumber,
            })),
          }),
        };
      return {
        ok: true,
        text: renderTable(
          ['Date', 'Days left', 'Buyer', 'Kind', 'Amount', 'Documents'].map((header) => ({ header })),
          list.map((d) => [d.date, String(d.daysLeft), d.buyerId, d.kind, amount(d), d.documents.join(' ')]),
        ),
      };
    });
    emit(io, state, r);
  });
}
