import {
  decideLimitRequest,
  type LimitGuard,
  type LimitInput,
  limitAmount,
  limitDetail,
  limitRecommendation,
  requestLimit,
  type Store,
  setLimit,
} from '@credence/app';
import type { BusinessDate, CurrencyCode, Failure, LimitEvent, LimitFigure, Result, TierTerms } from '@credence/core';
import { gradeContext, policyInForce } from '@credence/runtime';
import type { Command } from 'commander';
import { CliError, type Io, withExistingStore, withStore } from '../context';
import { describe, EXIT } from '../exit-codes';
import { dec } from '../format/money';
import { asCurrency, asDate, asFormat, asName, asNote, asPositiveInt } from '../options';
import { gradeJson } from './financials';
import { LANG_OPTION, reasonLang, say } from './reason-lang';
import { emit } from './register-report';

type Out = { ok: true; text: string } | { ok: false; error: Failure };

/** A refused limit amount is a usage error (exit 2), as the option parsers' are. */
function refuseAmount<T>(r: Result<T>): Result<T> {
  if (!r.ok && r.error.code === 'invalid_amount' && r.error.params.reason === 'not_a_limit_amount')
    throw new CliError(describe(r.error), EXIT.usage);
  return r;
}

function amountIn(text: string, currency: CurrencyCode): bigint {
  const a = refuseAmount(limitAmount(text, currency));
  return a.ok ? a.value : 0n;
}

/** The options `limit request` and `limit set` share, as a use-case input. */
const limitInput = (
  o: { buyer: string; amount: string; currency: CurrencyCode; from?: BusinessDate; by: string; reason: string },
  today: BusinessDate,
): LimitInput => ({
  buyerId: o.buyer,
  amount: amountIn(o.amount, o.currency),
  currency: o.currency,
  validFrom: o.from ?? today,
  by: o.by,
  reason: o.reason,
});

const eventLine = (e: LimitEvent) =>
  `#${e.id} ${e.recordedOn} ${e.kind.padEnd(9)} ${e.currency} ${dec(e.amount, e.currency).padStart(14)} from ${e.validFrom}` +
  `${e.expiresOn ? ` until ${e.expiresOn}` : ''}${e.requestId ? ` (request #${e.requestId})` : ''} by ${e.by}: ${e.reason}`;

export function registerLimitCommands(program: Command, io: Io, state: { exitCode: number }): void {
  const limit = program.command('limit').description('credit limits: recommend, request, approve, set, show');
  const db = ['--db <dir>', 'embedded database directory (default ./data/credence)'] as const;

  limit
    .command('recommend')
    .description('the recommended limit with the figures behind it (docs/domain/limits.md)')
    .argument('<buyer>', 'buyer id')
    .option('--as-of <date>', 'as of this date (default: today)', asDate)
    .option('--policy <file>', 'limit policy JSON (default: the shipped one)')
    .option('--expected-monthly-sales <amount>', "instead of the last 12 months' sales (a new buyer), in its currency")
    .option('--format <format>', 'table or json', asFormat, 'table')
    .option(...LANG_OPTION)
    .option(...db)
    .action(async (buyerId: string, o) => {
      const asOf: BusinessDate = o.asOf ?? io.clock.today();
      const files = await gradeContext();
      const words = say(reasonLang(o.lang, io.env));
      const r = await withExistingStore(o, io, async (s): Promise<Out> => {
        const ctx = {
          ...files,
          policy: await policyInForce(s, 'grading'),
          limits: await policyInForce(s, 'limit', o.policy),
        };
        const found = refuseAmount(
          await limitRecommendation(s, ctx, {
            buyerId,
            asOf,
            ...(o.expectedMonthlySales ? { expectedMonthlySales: o.expectedMonthlySales } : {}),
          }),
        );
        if (!found.ok) return found;
        const advice = found.value;
        const { recommendation: rec, grade, override } = advice;
        const tier = override?.tier ?? grade.tier;
        const allowed = (await policyInForce(s, 'check')).credit?.termsByTier?.[tier];
        const text = (f: LimitFigure) => words.limit(f, rec.currency);
        if (o.format === 'json') {
          const figures = rec.figures.map((f) => ({ ...f, text: text(f) }));
          const json = {
            ...advice,
            grade: gradeJson(grade, words),
            recommendation: { ...rec, figures },
            ...(allowed !== undefined ? { terms: { tier, ...allowed } } : {}),
          };
          return {
            ok: true,
            text: JSON.stringify(json, (_, v) => (typeof v === 'bigint' ? dec(v, rec.currency) : v), 2),
          };
        }
        const lines = rec.figures.map((f) => `  ${f.method === rec.decidedBy ? '▸' : ' '} ${text(f)}`);
        return {
          ok: true,
          text: [
            `Recommended limit for ${buyerId} as of ${asOf}: ${rec.currency} ${dec(rec.amount, rec.currency)} (decided by ${rec.decidedBy}; grade ${override ? `${override.grade}, ${override.tier} risk, overridden (computed ${grade.grade})` : `${grade.grade}, ${grade.tier} risk`})`,
            ...lines,
            ...(allowed !== undefined ? [`Terms for a ${tier}-risk buyer: ${termsText(allowed)}`] : []),
            ...(advice.insured !== undefined
              ? [
                  `Insured limit (policy ${advice.insured.policyNumber}, ${advice.insured.reason}): ${rec.currency} ${dec(advice.insured.amount, rec.currency)}; uninsured above it: ${rec.currency} ${dec(advice.insured.uninsured, rec.currency)}`,
                ]
              : []),
          ].join('\n'),
        };
      });
      emit(io, state, r);
    });

  limit
    .command('request')
    .description('ask for a limit; an approver answers it')
    .requiredOption('--buyer <id>', 'buyer id')
    .requiredOption('--amount <amount>', 'decimal amount')
    .requiredOption('--currency <code>', 'ISO 4217 currency', asCurrency)
    .requiredOption('--by <name>', 'who asks', asName)
    .requiredOption('--reason <text>', 'why', asNote)
    .option('--from <date>', 'wanted from (default: today)', asDate)
    .option(...db)
    .action(async (o) => {
      const today = io.clock.today();
      const x = limitInput(o, today);
      const r = await withStore(o, io, async (s): Promise<Out> => {
        const e = await requestLimit(s, x, today);
        return e.ok ? { ok: true, text: `Limit request #${e.value.id} recorded: ${eventLine(e.value)}` } : e;
      });
      emit(io, state, r);
    });

  for (const [name, approve] of [
    ['approve', true],
    ['reject', false],
  ] as const)
    limit
      .command(name)
      .description(`${name} a pending request (not your own)`)
      .argument('<request>', 'request number', asPositiveInt)
      .requiredOption('--buyer <id>', 'buyer id')
      .requiredOption('--by <name>', `who ${name}s`, asName)
      .requiredOption('--reason <text>', 'why', asNote)
      .option('--amount <amount>', 'approve another amount than requested (in the request currency)')
      .option('--credit-manager', "a credit manager decides: a new buyer's limit may exceed the first-order cap")
      .option(...db)
      .action(async (requestId: number, o) => {
        const today = io.clock.today();
        const r = await withStore(o, io, async (s): Promise<Out> => {
          const e = refuseAmount(
            await decideLimitRequest(
              s,
              {
                buyerId: o.buyer,
                requestId,
                approve,
                by: o.by,
                reason: o.reason,
                ...(o.amount ? { amount: o.amount } : {}),
              },
              today,
              await limitGuard(s, o.creditManager === true),
            ),
          );
          return e.ok ? { ok: true, text: `Recorded: ${eventLine(e.value)}` } : e;
        });
        emit(io, state, r);
      });

  limit
    .command('set')
    .description("set a buyer's limit directly (an approver's decision), or a temporary one with --until")
    .requiredOption('--buyer <id>', 'buyer id')
    .requiredOption('--amount <amount>', 'decimal amount')
    .requiredOption('--currency <code>', 'ISO 4217 currency', asCurrency)
    .requiredOption('--by <name>', 'who decides', asName)
    .requiredOption('--reason <text>', 'why', asNote)
    .option('--from <date>', 'applies from (default: today)', asDate)
    .option('--until <date>', 'last day of a temporary limit', asDate)
    .option('--credit-manager', "a credit manager decides: a new buyer's limit may exceed the first-order cap")
    .option(...db)
    .action(async (o) => {
      const today = io.clock.today();
      const x = limitInput(o, today);
      const r = await withStore(o, io, async (s): Promise<Out> => {
        const guard = await limitGuard(s, o.creditManager === true);
        const e = await setLimit(s, { ...x, ...(o.until ? { expiresOn: o.until } : {}) }, today, guard);
        return e.ok ? { ok: true, text: `Recorded: ${eventLine(e.value)}` } : e;
      });
      emit(io, state, r);
    });

  limit
    .command('show')
    .description("a buyer's limit in force, pending requests and the whole audit trail")
    .argument('<buyer>', 'buyer id')
    .option('--as-of <date>', 'the limit in force on this date (default: today)', asDate)
    .option('--format <format>', 'table or json', asFormat, 'table')
    .option(...db)
    .action(async (buyerId: string, o) => {
      const asOf: BusinessDate = o.asOf ?? io.clock.today();
      const r = await withExistingStore(o, io, async (s): Promise<Out> => {
        const d = await limitDetail(s, { buyerId, asOf });
        if (!d.ok) return d;
        const { events, ...st } = d.value;
        if (o.format === 'json')
          return {
            ok: true,
            text: JSON.stringify(d.value, (_, v) => (typeof v === 'bigint' ? v.toString() : v), 2),
          };
        const c = st.current;
        const head = c
          ? `Limit in force on ${asOf}: ${c.currency} ${dec(c.amount, c.currency)} (${c.kind}${c.expiresOn ? ` until ${c.expiresOn}` : ''}, since ${c.since}, by ${c.approvedBy})`
          : st.expired
            ? `No limit in force on ${asOf}: the temporary limit of ${st.expired.currency} ${dec(st.expired.amount, st.expired.currency)} expired on ${st.expired.expiredOn}`
            : `No limit in force on ${asOf}`;
        const pending =
          st.pending.length > 0 ? [`Pending requests: ${st.pending.map((e) => `#${e.id}`).join(', ')}`] : [];
        return { ok: true, text: [head, ...pending, '', 'Audit trail', ...events.map(eventLine)].join('\n') };
      });
      emit(io, state, r);
    });
}

/** The credit policy's terms for a tier, in a line. */
function termsText(t: TierTerms): string {
  if (t.security === 'prepayment_or_lc') return 'prepayment or a letter of credit (no open account)';
  const days = `open account up to ${t.maxDays} days`;
  return t.security === 'partial_prepayment' ? `${days} with ${(t.prepaymentBp ?? 0) / 100} % paid in advance` : days;
}

/** The new-buyer rule for a limit set or approved on the command line (the check policy in force). */
async function limitGuard(s: Store, creditManager: boolean): Promise<LimitGuard> {
  const credit = (await policyInForce(s, 'check')).credit;
  return { ...(credit !== undefined ? { credit } : {}), creditManager };
}
