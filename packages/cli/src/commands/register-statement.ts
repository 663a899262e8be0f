import { writeFile } from 'node:fs/promises';
import { accountStatement, answerStatement } from '@credence/app';
import { type BusinessDate, money, toDecimalString } from '@credence/core';
import { renderStatementHtml, renderStatementPdf, type StatementLanguage, statementLanguage } from '@credence/letters';
import {
  courierFromEnv,
  deliverMonthlyStatements,
  findCompany,
  operatorFrom,
  outboxDir,
  readCompany,
} from '@credence/runtime';
import { type Command, InvalidArgumentError } from 'commander';
import { CliError, type Io, withExistingStore, withStore } from '../context';
import { EXIT } from '../exit-codes';
import { asDate, asIdentifier } from '../options';
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
  const statement = program
    .command('statement')
    .description('account statements (对账单): docs/domain/credit-policy.md');
  registerStatementAnswers(statement, io, state);
  statement
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

/** `credence statement send|confirm|dispute`: the monthly statements to key accounts and the buyers' answers. */
function registerStatementAnswers(statement: Command, io: Io, state: { exitCode: number }): void {
  statement
    .command('send')
    .description('e-mail each key account its statement of the month just ended (once per buyer and month)')
    .option('--as-of <date>', 'the day of sending: the month before it is sent (default: today)', asDate)
    .option('--company <file>', 'company settings (sender, name on the statement)')
    .option('--outbox <dir>', 'where .eml files go when SMTP is not configured')
    .option('--by <name>', 'who sends (default: the operator)')
    .option('--db <dir>', 'embedded database directory (default ./data/credence)')
    .action(async (o) => {
      const asOf = o.asOf ?? io.clock.today();
      const company = await readCompany(o.company, io.env);
      const courier = courierFromEnv(io.env, outboxDir(o.outbox, io.env));
      try {
        const r = await withStore(o, io, (s) =>
          deliverMonthlyStatements(s, { courier, company, by: operatorFrom(o.by, io.env), force: true }, asOf),
        );
        if (!r.ok) return emit(io, state, { ok: false, error: r.error });
        const v = r.value;
        const lines = [
          `Statements of ${v.period}: ${v.sent.length} sent, ${v.alreadySent.length} sent before, ${v.noEmail.length} without e-mail, ${v.failed.length} failed`,
          ...v.sent.map((x) => `  ${x.buyerId}  ${x.detail}`),
          ...v.noEmail.map((b) => `  ${b}  no e-mail address`),
          ...v.failed.map((x) => `  ${x.buyerId}  failed: ${x.detail}`),
        ];
        emit(io, state, { ok: true, text: lines.join('\n') });
        if (v.failed.length > 0) state.exitCode = EXIT.unavailable;
      } finally {
        await courier.close();
      }
    });
  const answer = (kind: 'confirm' | 'dispute') =>
    statement
      .command(kind)
      .argument('<buyer>', 'buyer id')
      .option('--as-of <date>', "the statement's closing date (default: today)", asDate)
      .option('--by <name>', 'who records it (default: the operator)')
      .option('--db <dir>', 'embedded database directory (default ./data/credence)');
  const record = async (
    buyerId: string,
    o: { asOf?: BusinessDate; by?: string; db?: string },
    a: Parameters<typeof answerStatement>[1]['answer'],
  ) => {
    const r = await withStore(o, io, (s) =>
      answerStatement(
        s,
        { buyerId, asOf: o.asOf ?? io.clock.today(), answer: a, by: operatorFrom(o.by, io.env) },
        io.clock.today(),
      ),
    );
    if (!r.ok) return emit(io, state, { ok: false, error: r.error });
    const x = r.value.record;
    const what = x.kind === 'confirmed' ? 'closing balance confirmed' : `${x.document} disputed: ${x.note}`;
    emit(io, state, {
      ok: true,
      text: `${x.buyerId}, statement of ${x.asOf}: ${what}${r.value.created ? '' : ' (recorded before)'}`,
    });
  };
  answer('confirm')
    .description("record the buyer's confirmation of the statement's closing balance")
    .action((buyerId: string, o) => record(buyerId, o, { kind: 'confirmed' }));
  answer('dispute')
    .description('record a line of the statement the buyer disputes, with its note')
    .requiredOption('--doc <number>', 'the disputed document', asIdentifier)
    .requiredOption('--note <text>', "the buyer's words")
    .action((buyerId: string, o) => record(buyerId, o, { kind: 'disputed', document: o.doc, note: o.note }));
}
