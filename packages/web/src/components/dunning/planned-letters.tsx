import { formatDate } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { href, Link } from '../../router';
import type { LetterRef } from './letter-preview';
import { Amounts } from './level-totals';
import { languageName, named } from './names';
import { Recipient } from './recipient';
import type { DunningRun } from './types';

type Action = DunningRun['actions'][number];

/** The letters a run of the date would send: to whom, at which level, in which language, for how much. */
export function PlannedLetters(p: { asOf: string; actions: readonly Action[]; onView: (ref: LetterRef) => void }) {
  const { t, lang } = useI18n();
  return (
    <div className="table-wrap">
      <table className="letters" data-testid="planned-letters">
        <caption className="sr-only">{t('dunning.toSend')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dunning.buyer')}</th>
            <th scope="col">{t('dunning.to')}</th>
            <th scope="col">{t('dunning.level')}</th>
            <th scope="col">{t('dunning.language')}</th>
            <th scope="col">{t('dunning.documents')}</th>
            <th scope="col">{t('dunning.deadline')}</th>
            <th scope="col" className="num">
              {t('dunning.total')}
            </th>
            <th scope="col">
              <span className="sr-only">{t('dunning.letter')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {p.actions.map((a) => (
            <tr key={a.letterId} data-letter={a.letterId} data-buyer={a.buyerId}>
              <td>
                <Link href={href(`/buyers/${encodeURIComponent(a.buyerId)}`, { asOf: p.asOf })}>{a.buyerName}</Link>
                <div className="muted small">{a.buyerId}</div>
              </td>
              <td>
                <Recipient to={a} />
                <div className="muted small">{named(t, 'dunning.channel', a.channel)}</div>
              </td>
              <td>{named(t, 'dunning.level', a.level)}</td>
              <td>{languageName(lang, a.language)}</td>
              <td className="docs">
                {a.documents.map((d, i) => (
                  <span key={d.number} className="doc-number">
                    {i > 0 && ', '}
                    {d.number}
                  </span>
                ))}
              </td>
              <td className="num">{a.deadline && formatDate(lang, a.deadline)}</td>
              <td className="num">
                <Amounts of={a.totals} lang={lang} />
              </td>
              <td>
                <button
                  type="button"
                  className="small-button"
                  onClick={() => p.onView({ kind: 'planned', letterId: a.letterId, buyerId: a.buyerId, asOf: p.asOf })}
                >
                  {t('dunning.html')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
