import { type CurrencyCode, renderTable } from '@credence/core';
import type { Command } from 'commander';
import { type Io, withExistingStore } from '../context';
import { dec } from '../format/money';
import { asDate, asName } from '../options';
import { buyerCommand, json, type Out, opt, recordEvent, type State, useCases } from './insurance-shared';
import { emit } from './register-report';

const LIMIT_KINDS = {
  request: 'limit_requested',
  approve: 'limit_approved',
  reduce: 'limit_reduced',
  withdraw: 'limit_withdrawn',
} as const;

/** `credence insurance limit request|approve|reduce|withdraw|show`: the insurer's decisions on a buyer's limit. */
export function registerInsuranceLimit(ins: Command, io: Io, state: State): void {
  const limit = ins.command('limit').description("the insurer's decisions on a buyer's insured limit");
  for (const [verb, kind] of Object.entries(LIMIT_KINDS)) {
    const cmd = buyerCommand(limit, verb, `record an insured limit ${verb === 'withdraw' ? 'withdrawal' : verb}`)
      .option('--date <date>', 'decision date (default: today)', asDate)
      .option('--reference <ref>', "the insurer's reference", asName);
    if (verb !== 'withdraw')
      cmd.requiredOption('--amount <decimal>', 'the limit').option('--currency <code>', "must be the policy's");
    if (verb === 'approve' || verb === 'reduce') cmd.option('--expiry <date>', 'last day of the limit', asDate);
    recordEvent(cmd, io, state, kind, (o) => ({
      ...opt('date', o.date),
      ...opt('amount', o.amount),
      ...opt('currency', o.currency),
      ...opt('expiry', o.expiry),
      ...opt('reference', o.reference),
    }));
  }
  buyerCommand(limit, 'show', "a buyer's insured-limit history and the limit in force", 'asOf', 'format', 'db').action(
    async (buyer: string, o) => {
      const { insuranceExposure } = await useCases();
      const asOf = o.asOf ?? io.clock.today();
      const r = await withExistingStore(o, io, async (s): Promise<Out> => {
        const events = (await s.insuranceEvents({ buyerId: buyer })).filter(
          (e) => e.kind.startsWith('limit_') || e.kind === 'discretionary' || e.kind === 'adverse_info',
        );
        const row = (await insuranceExposure(s, asOf)).find((x) => x.buyerId === buyer);
        if (o.format === 'json')
          return { ok: true, text: json({ buyerId: buyer, asOf, inForce: row?.limit ?? null, events }) };
        const table = renderTable(
          ['Policy', 'Decision', 'Date', 'Amount', 'Expiry', 'Reference'].map((header) => ({ header })),
          events.map((e) => [
            e.policyNumber,
            e.kind,
            e.date,
            e.amount?.toString() ?? '',
            e.expiry ?? '',
            e.reference ?? '',
          ]),
        );
        const force =
          row === undefined
            ? 'no insured limit'
            : `in force on ${asOf}: ${dec(row.limit.amount, row.currency as CurrencyCode)} ${row.currency} (${row.limit.reason})`;
        return { ok: true, text: `${table}\n${force}` };
      });
      emit(io, state, r);
    },
  );
}

/** `credence insurance discretionary|adverse`: the insured's own facts on a buyer. */
export function registerInsuranceFacts(ins: Command, io: Io, state: State): void {
  recordEvent(
    buyerCommand(
      ins,
      'discretionary',
      'a discretionary limit, self-assessed on a credit report (up to the policy maximum)',
    )
      .requiredOption('--amount <decimal>', 'the limit')
      .requiredOption('--report-date <date>', "the credit report's date", asDate),
    io,
    state,
    'discretionary',
    (o) => ({ amount: o.amount, date: o.reportDate }),
  );
  recordEvent(
    buyerCommand(
      ins,
      'adverse',
      'adverse information learnt on a buyer (to report within adverseInfoDays)',
      'date',
    ).option('--reported', 'it was reported to the insurer on that date'),
    io,
    state,
    'adverse_info',
    (o) => ({ ...opt('date', o.date), ...(o.reported ? { kind: 'adverse_reported' } : {}) }),
  );
}
