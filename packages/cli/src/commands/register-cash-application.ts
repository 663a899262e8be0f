import type { Store } from '@credence/app';
import {
  acceptBankLine,
  listReviewQueue,
  listUnappliedCash,
  matchBankLines,
  rejectBankLine,
  repointBankLine,
} from '@credence/app';
import type { Failure, Result } from '@credence/core';
import { policyInForce } from '@credence/runtime';
import type { Command, OptionValues } from 'commander';
import { type Io, withStore } from '../context';
import { asFormat, asIdentifier, asName, asNote } from '../options';
import { cashJson, cashLinesText } from './cash-lines-text';
import { registerIbanCommands } from './register-cash-ibans';
import { emit } from './register-report';

type Out = { ok: true; text: string } | { ok: false; error: Failure };
const DB = ['--db <dir>', 'embedded database directory (default ./data/credence)'] as const;
const FORMAT = ['--format <format>', 'table or json', asFormat, 'table'] as const;

/** `credence cash …`: the matching step, the review queue, unapplied cash and the learned IBANs (issue 16). */
export function registerCashApplicationCommands(program: Command, io: Io, state: { exitCode: number }): void {
  const cash = program.command('cash').description('cash application: bank lines matched, reviewed, applied');
  cash
    .command('match')
    .description('match the imported bank lines waiting; apply the sure ones, queue the rest for review')
    .option('--statement <id>', 'only this stored statement (BST-…)')
    .option('--by <name>', 'who runs it (recorded with each line)', asName, 'credence')
    .option(...FORMAT)
    .option(...DB)
    .action(async (o) => {
      const r = await withStore(o, io, async (s): Promise<Out> => {
        const res = await matchBankLines(s, {
          by: o.by,
          policy: await policyInForce(s, 'cash'),
          ...(o.statement === undefined ? {} : { statement: o.statement }),
        });
        if (!res.ok) return res;
        return { ok: true, text: o.format === 'json' ? cashJson(res.value) : matchText(res.value) };
      });
      emit(io, state, r);
    });
  cash
    .command('unapplied')
    .description('cash not applied to documents: on account (payer known), in suspense or rejected (payer unknown)')
    .option('--buyer <id>', "only this buyer's on-account lines")
    .option(...FORMAT)
    .option(...DB)
    .action(async (o) => {
      const r = await withStore(o, io, async (s): Promise<Out> => {
        const lines = await listUnappliedCash(s, o.buyer);
        return {
          ok: true,
          text: o.format === 'json' ? cashJson({ lines }) : cashLinesText(lines, false, 'No unapplied bank lines.'),
        };
      });
      emit(io, state, r);
    });
  const review = cash.command('review').description('the review queue: accept, reject, re-point');
  review
    .command('list')
    .description('the lines waiting for review, with their proposals, scores and reasons')
    .option('--statement <id>', 'only this stored statement')
    .option('--buyer <id>', 'only lines proposed for this buyer')
    .option(...FORMAT)
    .option(...DB)
    .action(async (o) => {
      const r = await withStore(o, io, async (s): Promise<Out> => {
        const lines = await listReviewQueue(s, {
          ...(o.statement === undefined ? {} : { statement: o.statement }),
          ...(o.buyer === undefined ? {} : { buyerId: o.buyer }),
        });
        return {
          ok: true,
          text: o.format === 'json' ? cashJson({ lines }) : cashLinesText(lines, true, 'The review queue is empty.'),
        };
      });
      emit(io, state, r);
    });
  const decision = decisionCommand(review, io, state);
  decision(
    'accept',
    'apply a line as its proposal says (default: the best one)',
    (c) =>
      c
        .option('--proposal <n>', '1 = the best proposal, 2 = the next …', (v) => Number(v), 1)
        .option('--note <text>', 'why', asNote),
    (s, line, o) =>
      acceptBankLine(s, { line, proposal: o.proposal, by: o.by, ...(o.note === undefined ? {} : { note: o.note }) }),
    (line, v) =>
      'reversed' in v
        ? `Line ${line}: payment ${v.reversed} reversed.`
        : `Line ${line}: payment ${v.paymentId} of ${v.line.buyerId}, ${documentsText(v.allocations)}.`,
  );
  decision(
    'reject',
    'the proposals are wrong: the line stays unapplied until re-pointed',
    (c) => c.requiredOption('--reason <text>', 'why (recorded)', asNote),
    (s, line, o) => rejectBankLine(s, { line, by: o.by, note: o.reason }),
    (line, _v, o) => `Line ${line}: rejected (${o.reason}).`,
  );
  decision(
    'repoint',
    'apply a line to another buyer or other documents (oldest due first; the rest on account)',
    (c) =>
      c
        .requiredOption('--buyer <id>', 'the buyer who paid', asIdentifier)
        .option('--document <number...>', "the buyer's open documents it pays")
        .requiredOption('--reason <text>', 'why (recorded)', asNote),
    (s, line, o) =>
      repointBankLine(s, { line, buyerId: o.buyer, documents: o.document ?? [], by: o.by, note: o.reason }),
    (line, v, o) => `Line ${line}: payment ${v.paymentId} of ${o.buyer}, ${documentsText(v.allocations)}.`,
  );
  registerIbanCommands(cash, io, state);
}

export function matchText(v: {
  lines: number;
  counts: Readonly<Record<string, number>>;
  payments: readonly string[];
  learned: number;
}): string {
  const c = v.counts;
  if (v.lines === 0) return 'No bank lines wait for matching.';
  return `Matched ${v.lines} bank lines: ${c.applied} applied, ${c.review} to review, ${c.on_account} on account, ${c.suspense} in suspense, ${c.ignored} ignored; ${v.payments.length} payments created, ${v.learned} IBANs learned.`;
}

const documentsText = (allocations: readonly { document: string }[]) =>
  allocations.map((a) => a.document).join(', ') || 'on account';

/**
 * One review decision (accept, reject, repoint): `STATEMENT:LINE`, its own options, `--by`, `--format`, `--db`;
 * parse → the use case → the line's text or JSON.
 */
function decisionCommand(review: Command, io: Io, state: { exitCode: number }) {
  return <V>(
    name: string,
    description: string,
    options: (c: Command) => Command,
    decide: (s: Store, line: string, o: OptionValues) => Promise<Result<V>>,
    text: (line: string, v: V, o: OptionValues) => string,
  ): void => {
    options(review.command(name).description(description).argument('<line>', 'STATEMENT:LINE'))
      .option('--by <name>', 'who decides', asName, 'credence')
      .option(...FORMAT)
      .option(...DB)
      .action(async (line: string, o) => {
        const r = await withStore(o, io, async (s): Promise<Out> => {
          const res = await decide(s, line, o);
          if (!res.ok) return res;
          return { ok: true, text: o.format === 'json' ? cashJson(res.value) : text(line, res.value, o) };
        });
        emit(io, state, r);
      });
  };
}
