import { type AuditEntry, listAudit } from '@credence/app';
import { parseDate, renderCsv, renderTable } from '@credence/core';
import { type Command, InvalidArgumentError } from 'commander';
import { type Io, withExistingStore } from '../context';
import { asFormat, asName, asPositiveInt } from '../options';
import { emit } from './register-report';

/** A day (YYYY-MM-DD, from its start in UTC) or an ISO 8601 instant with a zone (`2026-06-30T09:00:00Z`). */
function asInstant(edge: 'from' | 'to') {
  return (value: string): Date => {
    const day = parseDate(value);
    if (day.ok) {
      const start = new Date(`${day.value}T00:00:00Z`);
      // --to a day includes that day: entries before the start of the next.
      return edge === 'to' ? new Date(start.getTime() + 86_400_000) : start;
    }
    const t = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)
      ? Date.parse(value)
      : NaN;
    if (Number.isNaN(t))
      throw new InvalidArgumentError(`"${value}" is not a date (YYYY-MM-DD) or an instant (2026-06-30T09:00:00Z).`);
    return new Date(t);
  };
}

const HEADER = ['id', 'at', 'actor', 'channel', 'token_id', 'action', 'entity', 'reason', 'details'];

const row = (e: AuditEntry): string[] => [
  e.id,
  e.at.toISOString(),
  e.actor,
  e.channel,
  e.tokenId ?? '',
  e.action,
  `${e.entityKind}:${e.entityId}`,
  e.reason ?? '',
  JSON.stringify(e.details),
];

function auditText(entries: readonly AuditEntry[], format: string): string {
  if (format === 'json')
    return JSON.stringify(
      entries.map((e) => ({ ...e, at: e.at.toISOString() })),
      null,
      2,
    );
  if (format === 'csv') return renderCsv(HEADER, entries.map(row), ['id']).trimEnd();
  if (entries.length === 0) return 'No audit entries match.';
  return renderTable(
    HEADER.map((h) => ({ header: h, ...(h === 'id' ? { align: 'right' as const } : {}) })),
    entries.map(row),
  );
}

/** `credence audit list`: who changed money or risk, when, from where and why (docs/cli.md, "Users and audit"). */
export function registerAuditCommands(program: Command, io: Io, state: { exitCode: number }): void {
  const audit = program.command('audit').description('the audit trail of every change of money or risk');
  audit
    .command('list')
    .description('audit entries in recording order, filtered')
    .option('--from <when>', 'entries at or after this day (UTC) or instant', asInstant('from'))
    .option('--to <when>', 'entries up to this day (included, UTC) or before this instant', asInstant('to'))
    .option('--entity <kind[:id]>', 'e.g. buyer, buyer:B1, document:INV-7, user:anna, import:march.csv', asName)
    .option('--user <name>', 'who: a user or an operator', asName)
    .option('--limit <n>', 'only the latest N entries', asPositiveInt)
    .option('--format <format>', 'table, json or csv', asFormat, 'table')
    .option('--db <dir>', 'embedded database directory (default ./data/credence)')
    .action(async (o) => {
      const entries = await withExistingStore(o, io, (s) =>
        listAudit(s, {
          ...(o.from !== undefined ? { from: o.from } : {}),
          ...(o.to !== undefined ? { to: o.to } : {}),
          ...(o.entity !== undefined ? { entity: o.entity } : {}),
          ...(o.user !== undefined ? { user: o.user } : {}),
          ...(o.limit !== undefined ? { limit: o.limit } : {}),
        }),
      );
      emit(io, state, { ok: true, text: auditText(entries, o.format) });
    });
}
