import type {
  BankStatementReads,
  BankStatementWrites,
  StoredBankLine,
  StoredBankStatement,
} from '../src/bank-statements/ports';
import type { Attribution } from '../src/ports';

/** The bank statements of the in-memory store (a transaction works on a copy). */
export interface BankMem {
  statements: Map<string, StoredBankStatement>;
  lines: Map<string, readonly StoredBankLine[]>;
}

export const emptyBank = (): BankMem => ({ statements: new Map(), lines: new Map() });
export const copyBank = (b: BankMem): BankMem => ({ statements: new Map(b.statements), lines: new Map(b.lines) });

export function bankReads(m: () => BankMem): BankStatementReads {
  return {
    bankStatementsLike: async (keys, hashes) =>
      [...m().statements.values()].filter(
        (s) =>
          hashes.includes(s.contentHash) ||
          keys.some((k) => k.account === s.account && k.statementId === s.statementId && k.sequence === s.sequence),
      ),
    bankStatementLines: async (id) => [...(m().lines.get(id) ?? [])],
  };
}

export function bankWrites(m: () => BankMem, by: Attribution): BankStatementWrites {
  return {
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
