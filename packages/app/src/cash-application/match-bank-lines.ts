import { type BusinessDate, ok, type Result } from '@credence/core';
import type { BankLine, CandidateBuyer, EarlierPayment, LineMatch, MatchPolicy } from '@credence/core/cash-matching';
import type { StoredBankLine } from '../bank-statements/ports';
import { lockAllLedgers, lockLedger } from '../entries/ledger-lock';
import type { LedgerWrites, OpenInvoice, Store } from '../ports';
import { linePayment, OpenLeft, settleLinePayments } from './line-payment';
import type { CashLineMatch, CashLineState, LearnedIban, StoredProposal } from './ports';

export interface MatchBankLinesInput {
  /** One statement's lines; all lines waiting when omitted. */
  readonly statement?: string;
  readonly policy?: MatchPolicy;
  /** Who runs the step (recorded on each line and in the audit trail). */
  readonly by: string;
}

export interface MatchBankLinesSummary {
  readonly lines: number;
  readonly counts: Readonly<Record<CashLineState, number>>;
  /** The payments written (applied and on account). */
  readonly payments: readonly string[];
  /** IBANs learned from applied lines. */
  readonly learned: number;
}

/** Reasons that say who paid: a payer known by IBAN or name, a reference, a document. */
const IDENTIFYING = new Set(['iban_known', 'iban_shared', 'name_match']);

/** What the matcher reads about a stored line. */
const asBankLine = (l: StoredBankLine): BankLine => l;

/**
 * The matching step (issue 16): every credit line waiting (`unmatched`, no match yet) of a statement, or of all,
 * gets the engine's proposals against the store's open items, read once for all lines (buyers, open invoices,
 * the learned IBANs, the payments earlier lines became). Then, in one transaction:
 * - `auto_apply` and the documents still open → `applied`: a payment (id from the line: once, ever) allocated
 *   as proposed; an over-payment's rest stays unapplied on it;
 * - the payer is a known buyer but no document fits → `on_account`: the buyer's unapplied payment;
 * - otherwise a proposal → `review`; nothing → `suspense`. A reversal's un-apply proposals → `review`.
 * An applied line from an IBAN not yet known teaches the IBAN → buyer map. Re-running does nothing new.
 */
export async function matchBankLines(store: Store, input: MatchBankLinesInput): Promise<Result<MatchBankLinesSummary>> {
  // Loaded when used: the matcher's policy schema brings zod, which a CLI command must not load at start.
  const { createMatcher, DEFAULT_MATCH_POLICY, letterReference } = await import('@credence/core/cash-matching');
  const policy = input.policy ?? DEFAULT_MATCH_POLICY;
  return store.transact(async (tx) => {
    await tx.lock('cash_lines');
    const lines = await tx.linesToMatch(input.statement);
    const counts: Record<CashLineState, number> = {
      applied: 0,
      review: 0,
      on_account: 0,
      suspense: 0,
      rejected: 0,
      ignored: 0,
    };
    if (lines.length === 0) return ok({ lines: 0, counts, payments: [], learned: 0 });
    // A long statement holds every ledger from the start (as the bulk imports): what it reads stays open for it.
    const holdsAll = lines.length > LOCK_EACH_LEDGER_UP_TO;
    if (holdsAll) await lockAllLedgers(tx);
    const buyers = await tx.listBuyers();
    const ibans = await tx.learnedIbans();
    const open = await tx.openInvoices(buyers.map((b) => b.id));
    const printed = await printedReferences(tx, open, letterReference);
    const earlier = lines.some((l) => l.reversal) ? await earlierPayments(tx) : [];
    const ibansOf = new Map<string, string[]>();
    for (const i of ibans) ibansOf.set(i.buyerId, [...(ibansOf.get(i.buyerId) ?? []), i.iban]);
    const candidates: CandidateBuyer[] = buyers.map((b) => ({
      id: b.id,
      name: b.name,
      ibans: ibansOf.get(b.id) ?? [],
    }));
    const match = createMatcher(
      {
        buyers: candidates,
        items: open.map((i) => ({
          buyerId: i.buyerId,
          number: i.number,
          currency: i.currency,
          open: i.open,
          issueDate: i.issueDate,
          dueDate: i.dueDate,
          references: printed.get(i.number) ?? [],
        })),
        earlierPayments: earlier,
      },
      policy,
    );
    const matched = lines.map((l) => ({ l, m: match(asBankLine(l)) }));
    // Else the ledgers this step may write to are locked now (in one order) and their open items read again under
    // the locks, as a payment recorded meanwhile (API, import) may have settled what the proposals name.
    const reread = holdsAll
      ? open
      : await lockLedgers(
          tx,
          matched.map((x) => x.m),
        );
    const left = new OpenLeft(reread);
    const known = new Set(ibans.map((i) => i.iban));
    const rows: CashLineMatch[] = [];
    const payments: ReturnType<typeof linePayment>[] = [];
    const learned: LearnedIban[] = [];
    for (const { l, m } of matched) {
      const row = decide(l, m, left, input.by);
      counts[row.state] += 1;
      if ((row.state !== 'applied' && row.state !== 'on_account') || row.buyerId === undefined) rows.push(row);
      else {
        const best = row.proposals[0];
        const allocations = row.state === 'applied' && best?.kind === 'payment' ? best.allocations : [];
        const written = linePayment(l, row.buyerId, allocations);
        payments.push(written);
        rows.push({ ...row, paymentId: written.payment.id });
        if (row.state === 'applied' && l.payerIban !== undefined && !known.has(l.payerIban)) {
          known.add(l.payerIban);
          learned.push({
            iban: l.payerIban,
            buyerId: row.buyerId,
            learnedFrom: `${l.statement}:${l.line}`,
            setBy: input.by,
          });
        }
      }
    }
    await settleLinePayments(tx, payments, reread);
    await tx.putCashLines(rows);
    if (learned.length > 0) await tx.putLearnedIbans(learned);
    return ok({ lines: lines.length, counts, payments: payments.map((p) => p.payment.id), learned: learned.length });
  });
}

/** The line's state from the engine's answer; an auto-applied proposal whose documents an earlier line took waits. */
function decide(l: StoredBankLine, m: LineMatch, left: OpenLeft, by: string): CashLineMatch {
  const base = { statement: l.statement, line: l.line, bookingDate: l.bookingDate, decidedBy: by };
  if (m.kind === 'ignored') return { ...base, state: 'ignored', proposals: [], reasons: m.reasons };
  if (m.kind === 'reversal') {
    const proposals: StoredProposal[] = m.proposals.map((p) => ({ kind: 'unapply', ...p }));
    const [best] = m.proposals;
    if (best === undefined) return { ...base, state: 'ignored', proposals, reasons: m.reasons };
    return { ...base, state: 'review', buyerId: best.buyerId, score: best.score, proposals, reasons: m.reasons };
  }
  const proposals: StoredProposal[] = m.proposals.map((p) => ({ kind: 'payment', ...p }));
  const [best] = m.proposals;
  if (best === undefined) return { ...base, state: 'suspense', proposals, reasons: m.reasons };
  const scored = { ...base, buyerId: best.buyerId, score: best.score, proposals, reasons: m.reasons };
  if (m.decision === 'auto_apply' && left.fits(best.buyerId, best.allocations)) {
    left.take(best.allocations);
    return { ...scored, state: 'applied' };
  }
  const onlyPayer =
    m.proposals.length === 1 && best.allocations.length === 0 && best.reasons.some((r) => IDENTIFYING.has(r.code));
  if (onlyPayer) return { ...scored, state: 'on_account' };
  return { ...scored, state: 'review' };
}

/** Up to this many lines, the step locks the ledgers of the buyers they may go to, one by one; above, all at once. */
const LOCK_EACH_LEDGER_UP_TO = 50;

/**
 * Takes the ledger lock of every buyer a line may be applied to or put on account of (sorted, so two steps lock
 * in the same order) and reads their open invoices again: what is applied is what is still open under the locks.
 */
async function lockLedgers(tx: LedgerWrites, matches: readonly LineMatch[]): Promise<OpenInvoice[]> {
  const ids = new Set<string>();
  for (const m of matches) if (m.kind === 'payment' && m.proposals[0] !== undefined) ids.add(m.proposals[0].buyerId);
  const sorted = [...ids].sort();
  for (const id of sorted) await lockLedger(tx, id);
  return sorted.length === 0 ? [] : tx.openInvoices(sorted);
}

/** The references Credence printed for each open invoice: the ids of the letters that listed it and their RF. */
async function printedReferences(
  tx: LedgerWrites,
  open: readonly OpenInvoice[],
  rf: (letterId: string) => string,
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (open.length === 0) return out;
  for (const { document, letterId } of await tx.letterIdsOfDocuments(open.map((i) => i.number)))
    out.set(document, [...(out.get(document) ?? []), letterId, rf(letterId)]);
  return out;
}

/** The payments earlier lines became, which a reversal line may undo. */
async function earlierPayments(tx: LedgerWrites): Promise<EarlierPayment[]> {
  const done = await tx.cashLines({ states: ['applied', 'on_account'] });
  return done.flatMap((c): EarlierPayment[] =>
    c.paymentId === undefined || c.buyerId === undefined
      ? []
      : [
          {
            paymentId: c.paymentId,
            buyerId: c.buyerId,
            amount: c.bankLine.amount,
            currency: c.bankLine.currency,
            bookingDate: c.bankLine.bookingDate as BusinessDate,
            ...(c.bankLine.bankRef === undefined ? {} : { bankRef: c.bankLine.bankRef }),
            ...(c.bankLine.endToEndId === undefined ? {} : { endToEndId: c.bankLine.endToEndId }),
            ...(c.bankLine.payerIban === undefined ? {} : { payerIban: c.bankLine.payerIban }),
          },
        ],
  );
}
