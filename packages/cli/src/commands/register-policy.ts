import { readFile } from 'node:fs/promises';
import { POLICY_KINDS, type PolicyKind, setPolicy } from '@credence/app';
import type { Failure } from '@credence/core';
import { renderTable } from '@credence/core';
import { policyInForce } from '@credence/runtime';
import type { Command } from 'commander';
import { CliError, type Io, withExistingStore, withStore } from '../context';
import { EXIT } from '../exit-codes';
import { asName, asNote } from '../options';
import { emit } from './register-report';

type Out = { ok: true; text: string } | { ok: false; error: Failure };

const asKind = (v: string): PolicyKind => {
  if ((POLICY_KINDS as readonly string[]).includes(v)) return v as PolicyKind;
  throw new CliError(`"${v}" is not a policy: ${POLICY_KINDS.join(', ')}`, EXIT.usage);
};

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new CliError(`cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`, EXIT.usage);
  }
}

/** `policy show [KIND]`, `policy set KIND FILE --reason …`: the policies changed through the product, versioned. */
export function registerPolicyCommands(program: Command, io: Io, state: { exitCode: number }): void {
  const policy = program
    .command('policy')
    .description(
      'the grading, limit, check and dunning policies: stored versions (who, when, why) over the shipped files',
    );
  policy
    .command('show')
    .description('where each policy in force comes from; with KIND, that policy as JSON (to edit and `policy set`)')
    .argument('[kind]', POLICY_KINDS.join(', '), asKind)
    .option('--db <dir>', 'embedded database directory (default ./data/credence)')
    .action(async (kind: PolicyKind | undefined, o) => {
      const r = await withExistingStore(o, io, async (s): Promise<Out> => {
        if (kind !== undefined) return { ok: true, text: JSON.stringify(await policyInForce(s, kind), null, 2) };
        const versions = await s.policyVersions();
        const rows = POLICY_KINDS.map((k) => {
          const mine = versions.filter((v) => v.kind === k);
          const newest = mine.at(-1);
          return newest === undefined
            ? [k, 'shipped file', '', '', '']
            : [
                k,
                `version ${newest.version} of ${mine.length}`,
                newest.by,
                newest.recordedAt.toISOString(),
                newest.reason,
              ];
        });
        return {
          ok: true,
          text: renderTable(
            [{ header: 'Policy' }, { header: 'In force' }, { header: 'By' }, { header: 'At' }, { header: 'Why' }],
            rows,
          ),
        };
      });
      emit(io, state, r);
    });
  policy
    .command('set')
    .description('store a new version of a policy from a JSON file, validated as the shipped one is')
    .argument('<kind>', POLICY_KINDS.join(', '), asKind)
    .argument('<file>', 'the policy as JSON')
    .requiredOption('--reason <text>', 'why (required)', asNote)
    .requiredOption('--by <name>', 'who decides', asName)
    .option('--db <dir>', 'embedded database directory (default ./data/credence)')
    .action(async (kind: PolicyKind, file: string, o) => {
      const body = await readJson(file);
      const r = await withStore(o, io, async (s): Promise<Out> => {
        const v = await setPolicy(s, { kind, body, reason: o.reason, by: o.by });
        return v.ok
          ? { ok: true, text: `${kind} policy: version ${v.value.version} in force (${v.value.by}: ${v.value.reason})` }
          : v;
      });
      emit(io, state, r);
    });
}
