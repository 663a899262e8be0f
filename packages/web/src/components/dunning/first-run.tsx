import { useI18n } from '../../i18n/i18n';
import type { LetterRef } from './letter-preview';
import { named } from './names';
import type { DunningRun } from './types';

type FirstRun = NonNullable<DunningRun['firstRun']>;

/** Why a first run holds letters, and which: each can be previewed as it would be sent once confirmed. */
export function FirstRunNotice(p: {
  firstRun: FirstRun;
  asOf: string;
  names: ReadonlyMap<string, string>;
  onView: (ref: LetterRef) => void;
}) {
  const { t } = useI18n();
  const { firstRun } = p;
  if (firstRun.confirmed || firstRun.held.length === 0) return null;
  return (
    <div className="notice" role="note" data-testid="first-run">
      <h3>{t('dunning.firstRun.title')}</h3>
      <p>{named(t, 'dunning.firstRun', firstRun.reason, { n: firstRun.imported })}</p>
      <p>{t('dunning.firstRun.held', { n: firstRun.held.length })}</p>
      <ul className="held">
        {firstRun.held.map((h) => (
          <li key={h.buyerId} data-buyer={h.buyerId}>
            {p.names.get(h.buyerId) ?? h.buyerId} — {named(t, 'dunning.level', h.level)}{' '}
            <button
              type="button"
              className="link"
              onClick={() =>
                p.onView({ kind: 'planned', letterId: `${h.buyerId} ${h.level}`, buyerId: h.buyerId, asOf: p.asOf })
              }
            >
              {t('dunning.html')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
