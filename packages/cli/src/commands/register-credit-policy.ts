import { keyAccounts } from '@credence/app';
import { renderTable } from '@credence/core';
import { policyInForce } from '@credence/runtime';
import type { Command } from 'commander';
import { type Io, withExistingStore } from '../context';
import { dec } from '../format/money';
import { asCurrency, asDate, asFormat } from '../options';
import { emit } from './register-report';

const pct = (bp: number) => `${(bp / 100).toFixed(2)} %`;

/** `credence buyer key-accounts`: the portfolio ranked by trailing turnover, key accounts first (credit policy). */
export function registerKeyAccounts(buyer: Command, io: Io, state: { exitCode: number }): void {
  buyer
    .command('key-accounts')
    .description('buyers ranked by trailing-12-month turnover; the top share of turnover are key accounts')
    .option('--as-of <date>', 'as of this date (default: today)', asDate)
    .option('--currency <code>', "compare turnover in this currency (default: the policy's)", asCurrency)
    .option('--all', 'every buyer, not only the key accounts')
    .option('--policy <file>', 'check policy JSON with the credit section (default: the one in force)')
    .option('--format <format>', 'table or json', asFormat, 'table')
    .option('--db <dir>', 'embedded database directory (default ./data/credence)')
    .action(async (o) => {
      const asOf = o.asOf ?? io.clock.today();
      const r = await withExistingStore(o, io, async (s) => {
        const policy = await policyInForce(s, 'check', o.policy);
        return keyAccounts(s, policy.credit?.keyAccounts, { asOf, ...(o.currency ? { currency: o.currency } : {}) });
      });
      if (!r.ok) return emit(io, state, { ok: false, error: r.error });
      const k = r.value;
      const shown = o.all ? k.accounts : k.accounts.filter((a) => a.accountClass === 'key');
      const d = (x: bigint) => dec(x, k.currency);
      if (o.format === 'json') {
        const accounts = shown.map((a) => ({ ...a, turnover: d(a.turnover) }));
        const text = JSON.stringify({ ...k, total: d(k.total), accounts }, null, 2);
        return emit(io, state, { ok: true, text });
      }
      const keys = k.accounts.filter((a) => a.accountClass === 'key');
      const head =
        `${keys.length} of ${k.accounts.length} buyers are key accounts as of ${asOf}: the top ${pct(k.shareBp)} ` +
        `of ${d(k.total)} ${k.currency} turnover (${k.from} … ${k.asOf})\n`;
      const table = renderTable(
        [
          { header: '#', align: 'right' },
          { header: 'Buyer' },
          { header: `Turnover ${k.currency}`, align: 'right' },
          { header: 'Share', align: 'right' },
          { header: 'Cumulative', align: 'right' },
          { header: 'Class' },
          { header: 'Review' },
        ],
        shown.map((a) => [
          String(a.rank),
          `${a.buyerId} ${a.name}`,
          d(a.turnover),
          pct(a.shareBp),
          pct(a.cumulativeBp),
          a.accountClass === 'key' ? 'key (full)' : 'simplified',
          `every ${a.reviewMonths} months`,
        ]),
      );
      emit(io, state, { ok: true, text: head + table });
    });
}
