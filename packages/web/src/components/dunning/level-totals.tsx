import type { Schemas } from '../../api/client';
import { formatMoney } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { named } from './names';
import type { DunningRun } from './types';

/** Letters and the totals they claim, per level (a line per currency). */
export function LevelTotals({ rows }: { rows: DunningRun['byLevel'] }) {
  const { t, lang } = useI18n();
  if (rows.length === 0) return null;
  return (
    <div className="table-wrap">
      <table className="level-totals">
        <caption>{t('dunning.byLevel')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dunning.level')}</th>
            <th scope="col" className="num">
              {t('dunning.letters')}
            </th>
            <th scope="col" className="num">
              {t('dunning.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.level} data-level={r.level}>
              <td>{named(t, 'dunning.level', r.level)}</td>
              <td className="num">{r.letters}</td>
              <td className="num">
                <Amounts of={r.totals} lang={lang} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Money in several currencies, one per line. */
export function Amounts({ of, lang }: { of: readonly Schemas['Money'][]; lang: Parameters<typeof formatMoney>[0] }) {
  return (
    <>
      {of.map((m, i) => (
        <span key={m.currency} className="amount-line">
          {i > 0 && <br />}
          {formatMoney(lang, m)}
        </span>
      ))}
    </>
  );
}
