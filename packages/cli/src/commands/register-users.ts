import { addUser, isRole, listUsers, ROLES, type Role, revokeUser, type User } from '@credence/app';
import { renderCsv, renderTable } from '@credence/core';
import { type Command, InvalidArgumentError } from 'commander';
import { type Io, withExistingStore, withStore } from '../context';
import { asFormat, asIdentifier, asNote } from '../options';
import { emit } from './register-report';

function asRole(value: string): Role {
  if (isRole(value)) return value;
  throw new InvalidArgumentError(`choose ${ROLES.join(', ')}.`);
}

const instant = (d: Date | undefined): string => (d === undefined ? '' : d.toISOString());

function usersText(users: readonly User[], format: string): string {
  const header = ['name', 'role', 'created_at', 'revoked_at'];
  const rows = users.map((u) => [u.name, u.role, instant(u.createdAt), instant(u.revokedAt)]);
  if (format === 'json')
    return JSON.stringify(
      users.map((u) => ({
        name: u.name,
        role: u.role,
        createdAt: instant(u.createdAt),
        revokedAt: u.revokedAt ?? null,
      })),
      null,
      2,
    );
  if (format === 'csv') return renderCsv(header, rows, []).trimEnd();
  if (users.length === 0) return 'No users. Add one with `credence user add NAME --role ROLE`.';
  return renderTable(
    header.map((h) => ({ header: h })),
    rows,
  );
}

/** `credence user add|list|revoke`: the API's users, their roles and tokens (docs/cli.md, "Users and audit"). */
export function registerUserCommands(program: Command, io: Io, state: { exitCode: number }): void {
  const user = program.command('user').description('API users, their roles and tokens');
  user
    .command('add')
    .description('create a user with a role and print its API token (shown once: only its hash is stored)')
    .argument('<name>', 'the user name (≤ 64 printable characters, no / or \\)', asIdentifier)
    .requiredOption('--role <role>', ROLES.join(', '), asRole)
    .option('--format <format>', 'table (text) or json', asFormat, 'table')
    .option('--db <dir>', 'embedded database directory (default ./data/credence)')
    .action(async (name: string, o) => {
      const r = await withStore(o, io, (s) => addUser(s, { name, role: o.role }));
      if (!r.ok) return emit(io, state, r);
      const { user: u, role, token, tokenId } = r.value;
      emit(io, state, {
        ok: true,
        text:
          o.format === 'json'
            ? JSON.stringify({ user: u, role, token, tokenId })
            : `User ${u} (${role}) added. API token ${tokenId}, shown this once (keep it secret):\n${token}`,
      });
    });
  user
    .command('list')
    .description('every user with its role, revoked ones included')
    .option('--format <format>', 'table, json or csv', asFormat, 'table')
    .option('--db <dir>', 'embedded database directory (default ./data/credence)')
    .action(async (o) => {
      const users = await withExistingStore(o, io, (s) => listUsers(s));
      emit(io, state, { ok: true, text: usersText(users, o.format) });
    });
  user
    .command('revoke')
    .description('revoke a user and all its tokens (the user stays in the audit trail)')
    .argument('<name>', 'the user name', asIdentifier)
    .option('--reason <text>', 'why (kept in the audit trail)', asNote)
    .option('--db <dir>', 'embedded database directory (default ./data/credence)')
    .action(async (name: string, o) => {
      const r = await withExistingStore(o, io, (s) => revokeUser(s, name, o.reason));
      emit(io, state, r.ok ? { ok: true, text: `User ${r.value.user} revoked (${r.value.tokens} token(s)).` } : r);
    });
}
