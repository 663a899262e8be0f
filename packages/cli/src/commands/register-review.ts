import { accountClasses, reviewsDue } from '@credence/app';
import { renderTable } from '@credence/core';
import { policyInForce } from '@credence/runtime';
import type { Command } from 'commander';
import { CliError, type Io, withExistingStore } from '../context';
import { EXIT } from '../exit-codes';
import { asDate, asFormat } from '../options';
import { LANG_OPTION, reasonLang, say } from './reason-lang';

export function registerReviewCommands(program: Command, io: Io): void {
  program
    .command('review')
    .description('credit review cadence')
    .command('due')
    .description(
      'buyers whose credit review is due (60 days long-standing and punctual, 30 new or late, high risk always, yearly)',
    )
    .option('--as-of <date>', 'as of this date (default: today)', asDate)
    .option('--all', 'every buyer with its next review, not only the due ones')
    .option('--format <format>', 'table or json', asFormat, 'table')
    .option(...LANG_OPTION)
    .option('--db <dir>', 'embedded database directory (default ./data/credence)')
    .action(async (o) => {
      const asOf = o.asOf ?? io.clock.today();
      const words = say(reasonLang(o.lang, io.env));
      const all = await withExistingStore(o, io, async (s) => {
        // Key accounts (the credit policy) are reviewed in full on their own cadence.
        const classes = await accountClasses(s, (await policyInForce(s, 'check')).credit?.keyAccounts, asOf);
        if (!classes.ok)
          throw new CliError(`cannot rank key accounts: ${JSON.stringify(classes.error)}`, EXIT.missingData);
        return reviewsDue(s, asOf, classes.value);
      });
      const shown = o.all ? all : all.filter((r) => r.due);
      if (o.format === 'json') {
        const reviews = shown.map((r) => ({ ...r, reasonTexts: r.reasons.map((x) => words.review(x, r)) }));
        io.out(JSON.stringify({ asOf, reviews }, null, 2));
        return;
      }
      io.out(`${all.filter((r) => r.due).length} of ${all.length} buyers due for a credit review as of ${asOf}\n`);
      io.out(
        renderTable(
          [
            { header: 'Buyer' },
            { header: 'Tier' },
            { header: 'Class' },
            { header: 'Cadence' },
            { header: 'Last decision' },
            { header: 'Next review' },
            { header: 'Why' },
          ],
          shown.map((r) => [
            `${r.buyerId} ${r.name}`,
            r.tier ?? '-',
            r.accountClass ?? '-',
            r.cadence === 'continuous' ? 'continuous' : `${r.cadenceDays} days`,
            r.lastReview ?? '-',
            r.nextReview,
            r.reasons.map((x) => words.review(x, r)).join('; '),
          ]),
        ),
      );
    });
}
