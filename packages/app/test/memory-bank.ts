import type {
  BankStatementReads,
  BankStatementWrites,
  StoredBankLine,
  StoredBankStatement,
} from '../src/bank-statements/ports';
import type {
  CashApplicationReads,
  CashApplicationWrites,
  CashLineMatch,
  LearnedIban,
} from '../src/cash-application/ports';
import type { Attribution } from '../src/ports';

/** The bank statements of the in-memory store (a transaction works on a copy). */
export interface BankMem {
  statements: Map<string, StoredBankStatement>;
  lines: Map<string, readonly StoredBankLine[]>;
  /** Cash application: match rows by `statement:line`, learned IBANs. */
  matches: Map<string, CashLineMatch>;
  ibans: Map<string, LearnedIban>;
}

export const emptyBank = (): BankMem => ({
  statements: new Map(),
  lines: new Map(),
  matches: new Map(),
  ibans: new Map(),
});
export const copyBank = (b: BankMem): BankMem => ({
  statements: new Map(b.statements),
  lines: new Map(b.lines),
  matches: new Map(b.matches),
  ibans: new Map(b.ibans),
});

const lineKey = (statement: string, line: number) => `${statement}:${line}`;

export function bankReads(m: () => BankMem): BankStatementReads & CashApplicationReads {
  const all = () => [...m().lines.values()].flat();
  const withLine = (c: CashLineMatch) => {
    const bankLine = all().find((l) => l.statement === c.statement && l.line === c.line);
    if (bankLine === undefined) throw new Error(`no bank line ${c.statement}:${c.line}`);
    return { ...c, bankLine };
  };
  return {
    linesToMatch: async (statement) =>
      all().filter(
        (l) =>
          (statement === undefined || l.statement === statement) &&
          (l.status === 'unmatched' || l.ignoredReason === 'reversal') &&
          !m().matches.has(lineKey(l.statement, l.line)),
      ),
    cashLines: async (f) =>
      [...m().matches.values()]
        .filter(
          (c) =>
            (f.states === undefined || f.states.includes(c.state)) &&
            (f.statement === undefined || c.statement === f.statement) &&
            (f.buyerId === undefined || c.buyerId === f.buyerId) &&
            (f.bookedBy === undefined || c.bookingDate <= f.bookedBy),
        )
        .map(withLine),
    cashLine: async (statement, line) => {
      const c = m().matches.get(lineKey(statement, line));
      return c === undefined ? undefined : withLine(c);
    },
    learnedIbans: async () => [...m().ibans.values()],
    bankStatementsLike: async (keys, hashes) =>
      [...m().statements.values()].filter(
        (s) =>
          hashes.includes(s.contentHash) ||
          keys.some((k) => k.account === s.account && k.statementId === s.statementId && k.sequence === s.sequence),
      ),
    bankStatementLines: async (id) => [...(m().lines.get(id) ?? [])],
  };
}

export function bankWrites(m: () => BankMem, by: Attribution): BankStatementWrites & CashApplicationWrites {
  return {
    putCashLines: async (rows) => {
      for (const r of rows) m().matches.set(lineKey(r.statement, r.line), { ...r, decidedAt: by.recordedAt });
    },
    putLearnedIbans: async (rows) => {
      for (const r of rows) m().ibans.set(r.iban, { ...r, setAt: by.recordedAt });
    },
    removeLearnedIban: async (iban) => {
      m().ibans.delete(iban);
    },
    insertBankStatement: async (s, lines) => {
      const clash = [...m().statements.values()].find(
        (t) =>
          t.contentHash === s.contentHash ||
          (t.account === s.account && t.statementId === s.statementId && t.sequence === s.sequence),
      );
      if (clash !== undefined) throw new Error(`bank statement ${s.id} is stored already`);
      m().statements.set(s.id, {
        ...s,
        recordedBy: by.recordedBy,
        recordedAt: by.recordedAt,
        ...(by.source === undefined ? {} : { source: by.source }),
      });
      m().lines.set(s.id, lines);
    },
  };
}
