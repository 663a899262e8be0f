import type { Command, Option } from 'commander';
import { CliError, type Session } from './context';
import { EXIT } from './exit-codes';
import { asName } from './options';

/**
 * Who records: the program option `--by NAME` (alias `--operator`), else `CREDENCE_USER`, else
 * `CREDENCE_OPERATOR`, else the OS user (context.ts `operatorOf`). Commander lets a program option appear
 * anywhere on the line, so `credence limit approve … --by anna` reaches the program's `--by`; these helpers
 * pass it on to the command's own `--by` (who decides, recorded with the decision), so one name is both the
 * ledger's `recorded_by` and the decision's author. A command whose `--by` is not a name (`report aging --by
 * buyer`) gets the value as typed and the operator is left alone.
 */
const byOption = (c: Command): Option | undefined => c.options.find((o) => o.long === '--by');
const isWho = (o: Option): boolean => o.parseArg === asName;

/** Commands whose `--by` was required: asked for in `forwardBy`, after CREDENCE_USER had its chance. */
const required = new WeakSet<Option>();

/** Makes every required `--by NAME` of the program's commands optional for commander; `forwardBy` checks it. */
export function relaxRequiredBy(c: Command): void {
  const o = byOption(c);
  if (o?.mandatory && isWho(o)) {
    o.mandatory = false;
    required.add(o);
  }
  for (const sub of c.commands) relaxRequiredBy(sub);
}

/** A name from the environment, checked like --by (a bad one is a usage error naming the variable). */
function fromEnv(env: NodeJS.ProcessEnv, name: 'CREDENCE_USER' | 'CREDENCE_OPERATOR'): string | undefined {
  const v = env[name]?.trim();
  if (v === undefined || v === '') return undefined;
  try {
    return asName(v);
  } catch (e) {
    throw new CliError(`${name}: ${e instanceof Error ? e.message : String(e)}`, EXIT.usage);
  }
}

/** Before a command runs: sets the session's operator and the command's own `--by`. */
export function forwardBy(
  action: Command,
  g: { readonly by?: string; readonly operator?: string },
  session: Session,
  env: NodeJS.ProcessEnv,
): void {
  const own = byOption(action);
  const envWho = fromEnv(env, 'CREDENCE_USER') ?? fromEnv(env, 'CREDENCE_OPERATOR');
  if (own !== undefined && !isWho(own)) {
    // `--by buyer` of a report: the command's, not a person.
    if (g.by !== undefined) action.setOptionValueWithSource('by', g.by, 'cli');
    if (g.operator !== undefined) session.operator = g.operator;
    return;
  }
  const flag = g.by ?? g.operator;
  if (flag !== undefined) session.operator = flag;
  if (own === undefined) return;
  const who = flag ?? envWho;
  if (who !== undefined) action.setOptionValueWithSource('by', who, 'cli');
  else if (required.has(own) && action.getOptionValue('by') === undefined)
    throw new CliError(`${action.name()}: who decides? Pass --by NAME or set CREDENCE_USER`, EXIT.usage);
}
