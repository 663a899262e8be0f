import { addSecurity, endSecurity, listSecurities, type SecurityStatus } from '@credence/app';
import {
  type CurrencyCode,
  parseMoney,
  renderTable,
  SECURITY_KINDS,
  type SecurityKind,
  type SecurityTerms,
} from '@credence/core';
import { policyInForce } from '@credence/runtime';
import { type Command, InvalidArgumentError } from 'commander';
import { CliError, type Io, withExistingStore, withStore } from '../context';
import { EXIT } from '../exit-codes';
import { dec } from '../format/money';
import { asCurrency, asDate, asFormat, asIdentifier, asName, asNote, asPositiveInt } from '../options';
import { emit } from './register-report';

const asKind = (v: string): SecurityKind => {
  if ((SECURITY_KINDS as readonly string[]).includes(v)) return v as SecurityKind;
  throw new InvalidArgumentError(`choose ${SECURITY_KINDS.join(', ')}.`);
};

const DB = ['--db <dir>', 'embedded database directory (default ./data/credence)'] as const;

const amountOf = (s: SecurityStatus) =>
  s.amount !== undefined && s.currency !== undefined ? `${s.currency} ${dec(s.amount, s.currency)}` : '-';

/** `credence security add|list|end`: a buyer's guarantees, letters of credit and retention of title. */
export function registerSecurityCommands(program: Command, io: Io, state: { exitCode: number }): void {
  const security = program
    .command('security')
    .description('securities: guarantees, letters of credit, retention of title (docs/domain/credit-policy.md)');
  security
    .command('add')
    .description('record a security for a buyer (guarantees and letters of credit reduce the exposure checked)')
    .argument('<buyer>', 'buyer id')
    .requiredOption('--id <ref>', "the security's reference (guarantee or L/C number), unique per buyer", asIdentifier)
    .requiredOption('--kind <kind>', SECURITY_KINDS.join(', '), asKind)
    .requiredOption('--issuer <name>', 'the guarantor, the issuing bank (retention of title: the party)', asName)
    .option('--amount <amount>', 'the amount covered (not for retention of title)')
    .option('--currency <code>', 'ISO 4217 currency of the amount', asCurrency)
    .requiredOption('--from <date>', 'in force from', asDate)
    .option('--expires <date>', 'last day it can be called on (default: open-ended)', asDate)
    .option('--contract <ref>', 'the contract it covers, when not every order', asIdentifier)
    .requiredOption('--reason <text>', 'why', asNote)
    .requiredOption('--by <name>', 'who records it', asName)
    .option(...DB)
    .action(async (buyerId: string, o) => {
      let amount: { amount: bigint; currency: CurrencyCode } | undefined;
      if (o.amount !== undefined || o.currency !== undefined) {
        if (o.amount === undefined || o.currency === undefined)
          throw new CliError('--amount and --currency go together', EXIT.usage);
        const m = parseMoney(o.amount, o.currency);
        if (!m.ok) throw new CliError(`"${o.amount}" is not an amount in ${o.currency}`, EXIT.usage);
        amount = { amount: m.value.amount, currency: o.currency };
      }
      const terms: SecurityTerms = {
        kind: o.kind,
        issuer: o.issuer,
        ...(amount ?? {}),
        validFrom: o.from,
        ...(o.expires !== undefined ? { expiresOn: o.expires } : {}),
        ...(o.contract !== undefined ? { contract: o.contract } : {}),
      };
      const r = await withStore(o, io, (s) =>
        addSecurity(s, { buyerId, securityId: o.id, terms, reason: o.reason, by: o.by }, io.clock.today()),
      );
      if (!r.ok) return emit(io, state, { ok: false, error: r.error });
      emit(io, state, { ok: true, text: `${buyerId}: ${o.kind} ${o.id} recorded (${o.issuer})` });
    });
  security
    .command('list')
    .description("securities with their status on a date; expiring ones (the policy's warning days) marked")
    .argument('[buyer]', 'buyer id (default: every buyer)')
    .option('--as-of <date>', 'status on this date (default: today)', asDate)
    .option('--within <days>', "expiring within this many days (default: the policy's)", asPositiveInt)
    .option('--expiring', 'only the securities expiring soon')
    .option('--format <format>', 'table or json', asFormat, 'table')
    .option(...DB)
    .action(async (buyerId: string | undefined, o) => {
      const asOf = o.asOf ?? io.clock.today();
      const r = await withExistingStore(o, io, async (s) => {
        const warnDays = o.within ?? (await policyInForce(s, 'check')).credit?.securities?.expiryWarnDays ?? 30;
        return listSecurities(s, { ...(buyerId !== undefined ? { buyerId } : {}), asOf, warnDays });
      });
      if (!r.ok) return emit(io, state, { ok: false, error: r.error });
      const shown = o.expiring ? r.value.filter((s) => s.expiring) : r.value;
      if (o.format === 'json') {
        const securities = shown.map((s) => ({
          ...s,
          amount: s.amount !== undefined && s.currency !== undefined ? dec(s.amount, s.currency) : undefined,
        }));
        return emit(io, state, { ok: true, text: JSON.stringify({ asOf, securities }, null, 2) });
      }
      const table = renderTable(
        [
          { header: 'Buyer' },
          { header: 'Security' },
          { header: 'Kind' },
          { header: 'Issuer' },
          { header: 'Amount', align: 'right' },
          { header: 'From' },
          { header: 'Expires' },
          { header: 'Status' },
        ],
        shown.map((s) => [
          s.buyerId,
          s.securityId + (s.contract !== undefined ? ` (${s.contract})` : ''),
          s.kind,
          s.issuer,
          amountOf(s),
          s.validFrom,
          s.expiresOn ?? '-',
          s.status === 'ended' ? `ended ${s.endedOn}` : s.expiring ? 'in force, EXPIRING' : s.status.replace('_', ' '),
        ]),
      );
      emit(io, state, { ok: true, text: `${shown.length} securities as of ${asOf}\n${table}` });
    });
  security
    .command('end')
    .description('end a security before its expiry (released, returned, called)')
    .argument('<buyer>', 'buyer id')
    .argument('<id>', "the security's reference")
    .option('--on <date>', 'no longer in force from this date (default: today)', asDate)
    .requiredOption('--reason <text>', 'why', asNote)
    .requiredOption('--by <name>', 'who records it', asName)
    .option(...DB)
    .action(async (buyerId: string, id: string, o) => {
      const r = await withStore(o, io, (s) =>
        endSecurity(
          s,
          { buyerId, securityId: id, ...(o.on !== undefined ? { endsOn: o.on } : {}), reason: o.reason, by: o.by },
          io.clock.today(),
        ),
      );
      if (!r.ok) return emit(io, state, { ok: false, error: r.error });
      const ends = r.value.action === 'end' ? r.value.endsOn : '';
      emit(io, state, { ok: true, text: `${buyerId}: security ${id} ends on ${ends}` });
    });
}
