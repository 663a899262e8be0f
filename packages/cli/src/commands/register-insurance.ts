import type { ImportFailure } from '@credence/app';
import type { Failure } from '@credence/core';
import { FileReadError, openRows } from '@credence/files';
import type { Command } from 'commander';
import { type Io, withStore } from '../context';
import { EXIT } from '../exit-codes';
import { asName } from '../options';
import { type Out, opt, readJson, type State, useCases, withOptions } from './insurance-shared';
import { registerInsuranceClaim, registerInsuranceNotify } from './register-insurance-claim';
import { registerInsuranceFacts, registerInsuranceLimit } from './register-insurance-limit';
import { registerInsurancePortfolio } from './register-insurance-portfolio';
import { registerInsuranceReport } from './register-insurance-report';
import { emit } from './register-report';
import { rowMessage } from './row-messages';

/** `credence insurance …`: trade credit insurance (docs/domain/credit-insurance.md). */
export function registerInsuranceCommands(program: Command, io: Io, state: State): void {
  const ins = program
    .command('insurance')
    .description('trade credit insurance: policies, insured limits, deadlines, claims');
  registerPolicy(ins, io, state);
  registerInsuranceLimit(ins, io, state);
  registerInsuranceFacts(ins, io, state);
  registerInsurancePortfolio(ins, io, state);
  registerInsuranceNotify(ins, io, state);
  registerInsuranceReport(ins, io, state);
  registerInsuranceClaim(ins, io, state);
  registerImportDecisions(ins, io, state);
}

/** `credence insurance policy add FILE`: a policy's terms as JSON, the next version of its number. */
function registerPolicy(ins: Command, io: Io, state: State): void {
  const policy = ins.command('policy').description('insurance policies (terms as JSON)');
  withOptions(
    policy
      .command('add')
      .description('store a policy from a JSON file (a new version of its policy number)')
      .argument('<file>', 'the policy as JSON'),
    'reason',
    'by',
    'db',
  ).action(async (file: string, o) => {
    const body = await readJson(file);
    const { addInsurancePolicy } = await useCases();
    const r = await withStore(o, io, async (s): Promise<Out> => {
      const v = await addInsurancePolicy(s, { body, reason: o.reason ?? '', by: o.by });
      return v.ok
        ? { ok: true, text: `insurance policy ${v.value.policyNumber}: version ${v.value.version} in force` }
        : v;
    });
    emit(io, state, r);
  });
}

/** `credence insurance import-decisions FILE`: the insurer's decision file, all or nothing. */
function registerImportDecisions(ins: Command, io: Io, state: State): void {
  withOptions(
    ins
      .command('import-decisions')
      .description(
        "import the insurer's decisions (CSV: buyer_id, decision, amount, currency, decision_date, expiry, reference)",
      )
      .argument('<file>', 'CSV or XLSX'),
    'policy',
    'db',
  )
    .requiredOption('--by <name>', 'who records them', asName)
    .action(async (file: string, o) => {
      const { importInsurerDecisions } = await useCases();
      try {
        const r = await withStore(o, io, async (s) =>
          importInsurerDecisions(s, (await openRows(file)) as Parameters<typeof importInsurerDecisions>[1], {
            by: o.by,
            ...opt('policyNumber', o.policy),
          }),
        );
        if (r.ok) {
          io.out(
            `${file}: ${r.value.rows} rows, ${r.value.created} decisions recorded, ${r.value.unchanged} unchanged`,
          );
          return;
        }
        const f = r.error as Partial<ImportFailure> & Failure;
        if (f.errors === undefined) return emit(io, state, r);
        for (const e of f.errors) io.err(rowMessage(e));
        io.err(`credence: ${file}: nothing imported (${f.errors.length} errors).`);
        state.exitCode = EXIT.rejected;
      } catch (e) {
        if (!(e instanceof FileReadError)) throw e;
        io.err(`credence: ${e.message}`);
        state.exitCode = EXIT.rejected;
      }
    });
}
