import { writeFile } from 'node:fs/promises';
import { accountStatement } from '@credence/app';
import { money, toDecimalString } from '@credence/core';
import { renderStatementHtml, renderStatementPdf, type StatementLanguage, statementLanguage } from '@credence/letters';
import { findCompany } from '@credence/runtime';
import { type Command, InvalidArgumentError } from 'commander';
import { CliError, type Io, withExistingStore } from '../context';
import { EXIT } from '../exit-codes';
import { asDate } from '../options';
import { emit } from './register-report';

const LANGS: readonly StatementLanguage[] = ['en', 'zh-CN', 'zh-TW'];
const asLang = (v: string): StatementLanguage => {
  if ((LANGS as readonly string[]).includes(v)) return v as StatementLanguage;
  throw new InvalidArgumentError(`choose ${LANGS.join(', ')}.`);
};
const asStatementFormat = (v: string): 'pdf' | 'html' | 'json' => {
  if (v === 'pdf' || v === 'html' || v === 'json') return v;
  throw new InvalidArgumentError('choose pdf, html or json.');
};

/** `credence statement buyer ID`: the account statement (对账单) as PDF, HTML or JSON, in the buyer's language. */
export function registerStatementCommands(program: Command, io: Io, state: { exitCode: number }): void {
  program
    .command('statement')
    .description('account statements (对账单): docs/domain/credit-policy.md')
    .command('buyer')
    .description('opening balance, documents and payments, closing balance and aging of one buyer')
    .argument('<id>', 'buyer id')
    .option('--as-of <date>', 'closing date (default: today)', asDate)
    .option('--from <date>', 'first day of the period (default: the first of the month)', asDate)
    .option('--format <format>', 'pdf, html or json', asStatementFormat, 'json')
    .option('--lang <lang>', "en, zh-CN or zh-TW (default: the buyer's language, else en)", asLang)
    .option('--out <file>', 'write the PDF or HTML to this file (default: statement-<buyer>-<date>.<format>)')
    .option('--company <file>', 'company settings (the creditor named on the statement)')
    .option('--db <dir>', 'embedded database directory (default ./data/credence)')
    .action(async (id: string, o) => {
      const asOf = o.asOf ?? io.clock.today();
      const r = await withExistingStore(o, io, (s) =>
        accountStatement(s, { buyerId: id, asOf, ...(o.from !== undefined ? { from: o.from } : {}) }),
      );
      if (!r.ok) return emit(io, state, { ok: false, error: r.error });
      const st = r.value;
      if (o.format === 'json') {
        const text = JSON.stringify(st, (_k, v) => (typeof v === 'bigint' ? v.toString() : v), 2);
        return emit(io, state, { ok: true, text });
      }
      const lang: StatementLanguage = o.lang ?? statementLanguage(st.buyer);
      const creditor = (await findCompany(o.company, io.env))?.name ?? 'Credence';
      const body =
        o.format === 'pdf' ? await renderStatementPdf(st, lang, creditor) : renderStatementHtml(st, lang, creditor);
      const out = o.out ?? `statement-${id}-${asOf}.${o.format}`;
      try {
        await writeFile(out, body);
      } catch (e) {
        throw new CliError(`cannot write ${out}: ${e instanceof Error ? e.message : String(e)}`, EXIT.usage);
      }
      const totals = st.currencies.map((c) => `${toDecimalString(money(c.closing, c.currency))} ${c.currency}`);
      emit(io, state, {
        ok: true,
        text: `${out}: statement of ${id} ${st.from} … ${asOf} (${lang}), closing ${totals.join(', ') || '0'}`,
      });
    });
}
