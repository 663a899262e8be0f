import { writeFile } from 'node:fs/promises';
import type { LedgerReads } from '@credence/app';
import type { InsuranceClaimView } from '@credence/app/insurance';
import type { CurrencyCode } from '@credence/core';
import { findCompany } from '@credence/runtime';
import type { Command } from 'commander';
import { type Io, withExistingStore, withStore } from '../context';
import { dec } from '../format/money';
import { asName } from '../options';
import {
  buyerCommand,
  json,
  type Opts,
  type Out,
  opt,
  recordEvent,
  type State,
  useCases,
  withOptions,
} from './insurance-shared';
import { emit } from './register-report';

/** The insurer's notification form as PDF, in the policy's language, with the insured's name from the company settings. */
async function notificationPdf(
  s: Pick<LedgerReads, 'getBuyer' | 'insurancePolicies'>,
  claim: InsuranceClaimView,
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

/** `credence insurance notify`: the overdue notification, recorded, and the insurer's form as CSV and PDF. */
export function registerInsuranceNotify(ins: Command, io: Io, state: State): void {
  withOptions(
    buyerCommand(
      ins,
      'notify',
      "record the overdue notification of a buyer and write the insurer's form (CSV and PDF)",
      'date',
      'db',
    )
      .option('--out <file>', 'the form, CSV (default: notification-BUYER-DATE.csv); the PDF beside it (.pdf)')
      .option('--company <file>', "company settings: the insured's name (default ./company.json or $CREDENCE_COMPANY)"),
    'policy',
  )
    .requiredOption('--by <name>', 'who notifies', asName)
    .action(async (buyer: string, o) => {
      const { recordInsuranceEvent, insuranceClaim } = await useCases();
      const on = o.date ?? io.clock.today();
      const r = await withStore(o, io, async (s): Promise<Out> => {
        const v = await recordInsuranceEvent(s, {
          buyerId: buyer,
          kind: 'notification',
          date: on,
          by: o.by,
          reason: 'overdue notification',
          ...opt('policyNumber', o.policy),
        });
        if (!v.ok) return v;
        const c = await insuranceClaim(s, { buyerId: buyer, asOf: on, ...opt('policyNumber', o.policy) });
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
}

/** The claim's steps: sub-command, the fact recorded, what it says, its own options and how they map. */
const STEPS: readonly {
  verb: string;
  kind: string;
  description: string;
  extra?: (c: Command) => Command;
  build?: (o: Opts) => Record<string, unknown>;
}[] = [
  {
    verb: 'open',
    kind: 'notification',
    description: 'open the claim (the overdue notification) without writing the form',
  },
  {
    verb: 'add-document',
    kind: 'claim_document',
    description: 'a document of the claim file',
    extra: (c) => c.requiredOption('--name <name>', 'the document', asName),
    build: (o) => ({ reference: o.name }),
  },
  { verb: 'complete', kind: 'claim_file_complete', description: 'the claim file is complete' },
  { verb: 'insolvency', kind: 'insolvency', description: "the buyer's insolvency (the date of loss if earlier)" },
  {
    verb: 'indemnify',
    kind: 'indemnity_paid',
    description: 'the indemnity received',
    extra: (c) => c.requiredOption('--amount <decimal>', 'the indemnity'),
    build: (o) => ({ amount: o.amount }),
  },
  {
    verb: 'recover',
    kind: 'recovery',
    description: 'a recovery after the date of loss (net of VAT when VAT is excluded)',
    extra: (c) => c.requiredOption('--amount <decimal>', 'the recovery'),
    build: (o) => ({ amount: o.amount }),
  },
];

/** `credence insurance claim …`: the claim's steps, and the claim as it stands. */
export function registerInsuranceClaim(ins: Command, io: Io, state: State): void {
  const claim = ins.command('claim').description('a claim: the notification, its documents, the indemnity, recoveries');
  for (const s of STEPS) {
    const cmd = buyerCommand(claim, s.verb, s.description, 'date');
    recordEvent(s.extra?.(cmd) ?? cmd, io, state, s.kind, (o) => ({ ...opt('date', o.date), ...s.build?.(o) }));
  }
  buyerCommand(
    claim,
    'show',
    'the claim as it stands: date of loss, debts, indemnity and how, recoveries and the insurer share',
    'asOf',
    'policy',
    'db',
  ).action(async (buyer: string, o) => {
    const { insuranceClaim } = await useCases();
    const r = await withExistingStore(o, io, async (s): Promise<Out> => {
      const c = await insuranceClaim(s, {
        buyerId: buyer,
        asOf: o.asOf ?? io.clock.today(),
        ...opt('policyNumber', o.policy),
      });
      return c.ok ? { ok: true, text: json(c.value) } : c;
    });
    emit(io, state, r);
  });
}
