import { readFile } from 'node:fs/promises';
import type { CurrencyCode, Failure } from '@credence/core';
import type { Command } from 'commander';
import { CliError, type Io, withStore } from '../context';
import { EXIT } from '../exit-codes';
import { dec } from '../format/money';
import { asDate, asFormat, asIdentifier, asName, asNote } from '../options';
import { emit } from './register-report';

// What the `credence insurance …` sub-commands share: the options, the lazy use cases, one recorded fact.

export type Out = { ok: true; text: string } | { ok: false; error: Failure };
export type State = { exitCode: number };
export type Opts = Record<string, string | undefined>;

/** The insurance use cases load the policy schema (zod): only when an insurance command runs. */
export const useCases = () => import('@credence/app/insurance');
export const json = (x: unknown) => JSON.stringify(x, (_k, v) => (typeof v === 'bigint' ? v.toString() : v), 2);
/** `{ [k]: v }` when v is given, else nothing: an optional field passed on. */
export const opt = (k: string, v: unknown) => (v === undefined ? {} : { [k]: v });

export async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new CliError(`cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`, EXIT.usage);
  }
}

/** The one option builder: each name adds its option, worded the same on every sub-command. */
const OPTIONS = {
  db: (c: Command) => c.option('--db <dir>', 'embedded database directory (default ./data/credence)'),
  date: (c: Command) => c.option('--date <date>', 'default: today', asDate),
  asOf: (c: Command) => c.option('--as-of <date>', 'default: today', asDate),
  format: (c: Command) => c.option('--format <format>', 'table or json', asFormat, 'table'),
  policy: (c: Command) => c.option('--policy <number>', 'the policy (default: the only one)'),
  reason: (c: Command) => c.option('--reason <text>', 'why', asNote),
  by: (c: Command) => c.requiredOption('--by <name>', 'who records it', asName),
} as const;
export type OptionName = keyof typeof OPTIONS;

export function withOptions(c: Command, ...names: readonly OptionName[]): Command {
  for (const n of names) OPTIONS[n](c);
  return c;
}

/** A sub-command on one buyer (`<buyer>`), with the options named. */
export const buyerCommand = (parent: Command, name: string, description: string, ...names: OptionName[]) =>
  withOptions(parent.command(name).description(description).argument('<buyer>', 'buyer id', asIdentifier), ...names);

/**
 * Records one dated fact on the buyer (`recordInsuranceEvent`): adds --policy, --reason, --by and --db to `cmd`,
 * and prints `BUYER: KIND on DATE [AMOUNT CUR] (#ID)`. `build` maps the command's own options to the fact's fields.
 */
export function recordEvent(
  cmd: Command,
  io: Io,
  state: State,
  kind: string,
  build: (o: Opts) => Record<string, unknown>,
): Command {
  return withOptions(cmd, 'policy', 'reason', 'by', 'db').action(async (buyer: string, o: Opts) => {
    const { recordInsuranceEvent } = await useCases();
    const r = await withStore(o, io, async (s): Promise<Out> => {
      const x = {
        buyerId: buyer,
        kind,
        by: o.by ?? '',
        date: io.clock.today(),
        ...opt('policyNumber', o.policy),
        ...opt('reason', o.reason),
        ...build(o),
      } as Parameters<typeof recordInsuranceEvent>[1];
      const v = await recordInsuranceEvent(s, x);
      if (!v.ok) return v;
      const e = v.value;
      const body = (await s.insurancePolicies()).find((p) => p.policyNumber === e.policyNumber)?.body;
      const cur = ((body as { currency?: string } | undefined)?.currency ?? 'EUR') as CurrencyCode;
      const amount = e.amount === undefined ? '' : ` ${dec(e.amount, cur)} ${cur}`;
      return { ok: true, text: `${e.buyerId}: ${e.kind} on ${e.date}${amount} (#${e.id})` };
    });
    emit(io, state, r);
  });
}
