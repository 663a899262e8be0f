import { readFile, writeFile } from 'node:fs/promises';
import type { ImportFailure } from '@credence/app';
import type { Failure } from '@credence/core';
import { type CurrencyCode, renderTable } from '@credence/core';
import { FileReadError, openRows } from '@credence/files';
import { findCompany } from '@credence/runtime';
import type { Command } from 'commander';
import { CliError, type Io, withExistingStore, withStore } from '../context';
import { EXIT } from '../exit-codes';
import { dec } from '../format/money';
import { asDate, asFormat, asIdentifier, asName, asNote, asPositiveInt } from '../options';
import { registerInsuranceReport } from './register-insurance-report';
import { emit } from './register-report';
import { rowMessage } from './row-messages';

type Out = { ok: true; text: string } | { ok: false; error: Failure };
// The insurance use cases load the policy schema (zod): only when an insurance command runs.
const useCases = () => import('@credence/app/insurance');
const json = (x: unknown) => JSON.stringify(x, (_k, v) => (typeof v === 'bigint' ? v.toString() : v), 2);

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new CliError(`cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`, EXIT.usage);
  }
}

const LIMIT_KINDS = {
  request: 'limit_requested',
  approve: 'limit_approved',
  reduce: 'limit_reduced',
  withdraw: 'limit_withdrawn',
} as const;
const db = (c: Command) => c.option('--db <dir>', 'embedded database directory (default ./data/credence)');

/** The insurer's notification form as PDF, in the policy's language, with the insured's name from the company settings. */
async function notificationPdf(
  s: Parameters<typeof import('@credence/app/insurance').policyNamed>[0] &
    Pick<import('@credence/app').LedgerReads, 'getBuyer'>,
  claim: import('@credence/app/insurance').InsuranceClaimView,
  companyPath: string | undefined,
  io: Io,
): Promise<Buffer> {
  const [{ policyNamed }, { renderNotificationPdf }, company] = await Promise.all([
    useCases(),
    import('@credence/letters'),
    findCompany(companyPath, io.env),
  ]);
  const policy = await policyNamed(s, claim.policyNumber);
  const b = await s.getBuyer(claim.buyerId);
  return renderNotificationPdf(
    {
      claim,
      insurer: policy.ok ? policy.value.insurer : '',
      insured: company?.name ?? '',
      buyer: { id: claim.buyerId, name: b?.name ?? claim.buyerId, country: b?.country ?? '' },
    },
    policy.ok ? policy.value.language : 'en',
  );
}

/** `credence insurance …`: trade credit insurance (docs/domain/credit-insurance.md). */
export function registerInsuranceCommands(program: Command, io: Io, state: { exitCode: number }): void {
  const ins = program
    .command('insurance')
    .description('trade credit insurance: policies, insured limits, deadlines, claims');
  const policy = ins.command('policy').description('insurance policies (terms as JSON)');
  db(
    policy
      .command('add')
      .description('store a policy from a JSON file (a new version of its policy number)')
      .argument('<file>', 'the policy as JSON')
      .option('--reason <text>', 'why', asNote)
      .requiredOption('--by <name>', 'who records it', asName),
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

  const event = (
    cmd: Command,
    kind: string,
    build: (buyer: string, o: Record<string, string | undefined>) => Record<string, unknown>,
  ) =>
    db(
      cmd
        .option('--policy <number>', 'the policy (default: the only one)')
        .option('--reason <text>', 'why', asNote)
        .requiredOption('--by <name>', 'who records it', asName),
    ).action(async (buyer: string, o: Record<string, string | undefined>) => {
      const { recordInsuranceEvent } = await useCases();
      const r = await withStore(o, io, async (s): Promise<Out> => {
        const x = {
          buyerId: buyer,
          kind,
          by: o.by ?? '',
          date: io.clock.today(),
          ...(o.policy !== undefined ? { policyNumber: o.policy } : {}),
          ...(o.reason !== undefined ? { reason: o.reason } : {}),
          ...build(buyer, o),
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
  const opt = (k: string, v: unknown) => (v === undefined ? {} : { [k]: v });

  const limit = ins.command('limit').description("the insurer's decisions on a buyer's insured limit");
  for (const [verb, kind] of Object.entries(LIMIT_KINDS)) {
    const cmd = limit
      .command(verb)
      .description(`record an insured limit ${verb === 'withdraw' ? 'withdrawal' : verb}`)
      .argument('<buyer>', 'buyer id', asIdentifier)
      .option('--date <date>', 'decision date (default: today)', asDate)
      .option('--reference <ref>', "the insurer's reference", asName);
    if (verb !== 'withdraw')
      cmd.requiredOption('--amount <decimal>', 'the limit').option('--currency <code>', "must be the policy's");
    if (verb === 'approve' || verb === 'reduce') cmd.option('--expiry <date>', 'last day of the limit', asDate);
    event(cmd, kind, (_b, o) => ({
      ...opt('date', o.date),
      ...opt('amount', o.amount),
      ...opt('currency', o.currency),
      ...opt('expiry', o.expiry),
      ...opt('reference', o.reference),
    }));
  }
  db(
    limit
      .command('show')
      .description("a buyer's insured-limit history and the limit in force")
      .argument('<buyer>', 'buyer id', asIdentifier)
      .option('--as-of <date>', 'default: today', asDate)
      .option('--format <format>', 'table or json', asFormat, 'table'),
  ).action(async (buyer: string, o) => {
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
        [
          { header: 'Policy' },
          { header: 'Decision' },
          { header: 'Date' },
          { header: 'Amount' },
          { header: 'Expiry' },
          { header: 'Reference' },
        ],
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
  });

  event(
    ins
      .command('discretionary')
      .description('a discretionary limit, self-assessed on a credit report (up to the policy maximum)')
      .argument('<buyer>', 'buyer id', asIdentifier)
      .requiredOption('--amount <decimal>', 'the limit')
      .requiredOption('--report-date <date>', "the credit report's date", asDate),
    'discretionary',
    (_b, o) => ({ amount: o.amount, date: o.reportDate }),
  );
  event(
    ins
      .command('adverse')
      .description('adverse information learnt on a buyer (to report within adverseInfoDays)')
      .argument('<buyer>', 'buyer id', asIdentifier)
      .option('--date <date>', 'default: today', asDate)
      .option('--reported', 'it was reported to the insurer on that date'),
    'adverse_info',
    (_b, o) => ({ ...opt('date', o.date), ...(o.reported ? { kind: 'adverse_reported' } : {}) }),
  );

  db(
    ins
      .command('exposure')
      .description('per buyer: receivables, insured and uninsured parts, limit, headroom')
      .option('--as-of <date>', 'default: today', asDate)
      .option('--format <format>', 'table or json', asFormat, 'table'),
  ).action(async (o) => {
    const { insuranceExposure } = await useCases();
    const asOf = o.asOf ?? io.clock.today();
    const r = await withExistingStore(o, io, async (s): Promise<Out> => {
      const rows = await insuranceExposure(s, asOf);
      if (o.format === 'json')
        return {
          ok: true,
          text: json({
            asOf,
            buyers: rows.map((x) => ({
              policyNumber: x.policyNumber,
              buyerId: x.buyerId,
              currency: x.currency,
              receivables: dec(x.receivables, x.currency as CurrencyCode),
              insured: dec(x.insured, x.currency as CurrencyCode),
              uninsured: dec(x.uninsured, x.currency as CurrencyCode),
              limit: dec(x.limit.amount, x.currency as CurrencyCode),
              limitSource: x.limit.reason,
              headroom: dec(x.headroom, x.currency as CurrencyCode),
            })),
          }),
        };
      const c = (x: bigint, cur: string) => dec(x, cur as CurrencyCode);
      return {
        ok: true,
        text: renderTable(
          ['Policy', 'Buyer', 'Receivables', 'Insured', 'Uninsured', 'Limit', 'Headroom'].map((header) => ({ header })),
          rows.map((x) => [
            x.policyNumber,
            x.buyerId,
            c(x.receivables, x.currency),
            c(x.insured, x.currency),
            c(x.uninsured, x.currency),
            c(x.limit.amount, x.currency),
            c(x.headroom, x.currency),
          ]),
        ),
      };
    });
    emit(io, state, r);
  });

  db(
    ins
      .command('deadlines')
      .description('the policy deadlines falling within N days (passed ones too), soonest first')
      .option('--as-of <date>', 'default: today', asDate)
      .option('--within <days>', 'days ahead', asPositiveInt, 30)
      .option('--format <format>', 'table or json', asFormat, 'table'),
  ).action(async (o) => {
    const { insuranceDeadlines } = await useCases();
    const asOf = o.asOf ?? io.clock.today();
    const r = await withExistingStore(o, io, async (s): Promise<Out> => {
      const list = await insuranceDeadlines(s, asOf, o.within);
      const policies = new Map(
        (await s.insurancePolicies()).map((p) => [p.policyNumber, (p.body as { currency: string }).currency]),
      );
      const amount = (d: (typeof list)[number]) =>
        dec(d.amount, (policies.get(d.policyNumber) ?? 'EUR') as CurrencyCode);
      if (o.format === 'json')
        return {
          ok: true,
          text: json({
            asOf,
            deadlines: list.map((d) => ({
              buyerId: d.buyerId,
              kind: d.kind,
              date: d.date,
              daysLeft: d.daysLeft,
              amount: amount(d),
              documents: d.documents,
              policyNumber: d.policyNumber,
            })),
          }),
        };
      return {
        ok: true,
        text: renderTable(
          ['Date', 'Days left', 'Buyer', 'Kind', 'Amount', 'Documents'].map((header) => ({ header })),
          list.map((d) => [d.date, String(d.daysLeft), d.buyerId, d.kind, amount(d), d.documents.join(' ')]),
        ),
      };
    });
    emit(io, state, r);
  });

  db(
    ins
      .command('notify')
      .description("record the overdue notification of a buyer and write the insurer's form (CSV and PDF)")
      .argument('<buyer>', 'buyer id', asIdentifier)
      .option('--date <date>', 'default: today', asDate)
      .option('--out <file>', 'the form, CSV (default: notification-BUYER-DATE.csv); the PDF beside it (.pdf)')
      .option('--company <file>', "company settings: the insured's name (default ./company.json or $CREDENCE_COMPANY)")
      .option('--policy <number>', 'the policy (default: the only one)')
      .requiredOption('--by <name>', 'who notifies', asName),
  ).action(async (buyer: string, o) => {
    const { recordInsuranceEvent, insuranceClaim } = await useCases();
    const on = o.date ?? io.clock.today();
    const r = await withStore(o, io, async (s): Promise<Out> => {
      const v = await recordInsuranceEvent(s, {
        buyerId: buyer,
        kind: 'notification',
        date: on,
        by: o.by,
        reason: 'overdue notification',
        ...(o.policy !== undefined ? { policyNumber: o.policy } : {}),
      });
      if (!v.ok) return v;
      const c = await insuranceClaim(s, {
        buyerId: buyer,
        asOf: on,
        ...(o.policy !== undefined ? { policyNumber: o.policy } : {}),
      });
      if (!c.ok) return c;
      const cur = c.value.currency as CurrencyCode;
      const lines = [
        'policy,buyer,notified_on,invoice,original_due_date,open,insured_open',
        ...c.value.settlement.debts.map((d) =>
          [
            c.value.policyNumber,
            buyer,
            on,
            d.invoiceId,
            d.dueDate,
            dec(d.openAtNotification, cur),
            dec(d.insuredLoss, cur),
          ].join(','),
        ),
      ];
      const file = o.out ?? `notification-${buyer}-${on}.csv`;
      await writeFile(file, `${lines.join('\n')}\n`);
      const pdf = await notificationPdf(s, c.value, o.company, io);
      const pdfFile = `${file.replace(/\.csv$/i, '')}.pdf`;
      await writeFile(pdfFile, pdf);
      return {
        ok: true,
        text: `${buyer}: overdue notified on ${on}; date of loss ${c.value.settlement.dateOfLoss}; form written to ${file} and ${pdfFile}`,
      };
    });
    emit(io, state, r);
  });

  registerInsuranceReport(ins, io, state);

  const claim = ins.command('claim').description('a claim: the notification, its documents, the indemnity, recoveries');
  const simple = (
    verb: string,
    kind: string,
    description: string,
    extra: (c: Command) => Command,
    build: (o: Record<string, string | undefined>) => Record<string, unknown>,
  ) =>
    event(
      extra(
        claim
          .command(verb)
          .description(description)
          .argument('<buyer>', 'buyer id', asIdentifier)
          .option('--date <date>', 'default: today', asDate),
      ),
      kind,
      (_b, o) => ({ ...opt('date', o.date), ...build(o) }),
    );
  simple(
    'open',
    'notification',
    'open the claim (the overdue notification) without writing the form',
    (c) => c,
    () => ({}),
  );
  simple(
    'add-document',
    'claim_document',
    'a document of the claim file',
    (c) => c.requiredOption('--name <name>', 'the document', asName),
    (o) => ({ reference: o.name }),
  );
  simple(
    'complete',
    'claim_file_complete',
    'the claim file is complete',
    (c) => c,
    () => ({}),
  );
  simple(
    'insolvency',
    'insolvency',
    "the buyer's insolvency (the date of loss if earlier)",
    (c) => c,
    () => ({}),
  );
  simple(
    'indemnify',
    'indemnity_paid',
    'the indemnity received',
    (c) => c.requiredOption('--amount <decimal>', 'the indemnity'),
    (o) => ({ amount: o.amount }),
  );
  simple(
    'recover',
    'recovery',
    'a recovery after the date of loss (net of VAT when VAT is excluded)',
    (c) => c.requiredOption('--amount <decimal>', 'the recovery'),
    (o) => ({ amount: o.amount }),
  );
  db(
    claim
      .command('show')
      .description('the claim as it stands: date of loss, debts, indemnity and how, recoveries and the insurer share')
      .argument('<buyer>', 'buyer id', asIdentifier)
      .option('--as-of <date>', 'default: today', asDate)
      .option('--policy <number>', 'the policy (default: the only one)'),
  ).action(async (buyer: string, o) => {
    const { insuranceClaim } = await useCases();
    const r = await withExistingStore(o, io, async (s): Promise<Out> => {
      const c = await insuranceClaim(s, {
        buyerId: buyer,
        asOf: o.asOf ?? io.clock.today(),
        ...(o.policy !== undefined ? { policyNumber: o.policy } : {}),
      });
      return c.ok ? { ok: true, text: json(c.value) } : c;
    });
    emit(io, state, r);
  });
  db(
    ins
      .command('import-decisions')
      .description(
        "import the insurer's decisions (CSV: buyer_id, decision, amount, currency, decision_date, expiry, reference)",
      )
      .argument('<file>', 'CSV or XLSX')
      .option('--policy <number>', 'the policy (default: the only one)')
      .requiredOption('--by <name>', 'who records them', asName),
  ).action(async (file: string, o) => {
    const { importInsurerDecisions } = await useCases();
    try {
      const r = await withStore(o, io, async (s) =>
        importInsurerDecisions(s, (await openRows(file)) as Parameters<typeof importInsurerDecisions>[1], {
          by: o.by,
          ...(o.policy !== undefined ? { policyNumber: o.policy } : {}),
        }),
      );
      if (r.ok) {
        io.out(`${file}: ${r.value.rows} rows, ${r.value.created} decisions recorded, ${r.value.unchanged} unchanged`);
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
