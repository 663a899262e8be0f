import { api, type Schemas } from '../api/client';
import { useApi } from '../api/use-api';
import { formatMoney } from '../i18n/format';
import { useI18n } from '../i18n/i18n';

/** The limit in force and how much of it the open receivables use (in the limit's currency). */
export function BuyerLimit({
  id,
  asOf,
  items,
  round = 0,
}: {
  id: string;
  asOf: string;
  items: Schemas['BuyerDetail']['openItems'];
  /** Read again when it changes (after an action on the buyer). */
  round?: number;
}) {
  const { t, lang } = useI18n();
  const limit = useApi(
    () => api.GET('/buyers/{id}/limit', { params: { path: { id }, query: { asOf } } }),
    [id, asOf, round],
  );
  const l = limit.data;
  const current = l?.current ?? null;
  const exposure = current ? sumOwed(items, current.limit.currency) : undefined;
  const used = current && exposure ? Number(exposure.amount) / Number(current.limit.amount) : 0;
  return (
    <section className="panel">
      <h2>{t('buyer.limit')}</h2>
      {l === undefined && <p className="muted">{t('common.loading')}</p>}
      {l !== undefined && current === null && <p>{t('buyer.noLimit')}</p>}
      {current && exposure && (
        <>
          <p className="figure-value" data-testid="limit">
            {formatMoney(lang, current.limit)}
          </p>
          <p className="muted">
            {t('buyer.limitSince', {
              kind: t(`buyer.limitKind.${current.kind}`),
              date: current.since,
              by: current.approvedBy,
            })}
          </p>
          <h3>{t('buyer.exposure')}</h3>
          <meter
            min={0}
            max={1}
            low={0.8}
            high={0.95}
            optimum={0.5}
            value={Math.min(used, 1)}
            aria-label={t('buyer.exposure')}
          />
          <p>
            {t('buyer.exposureOf', { exposure: formatMoney(lang, exposure), limit: formatMoney(lang, current.limit) })}
          </p>
        </>
      )}
      {l !== undefined && l.pending.length > 0 && <p>{t('buyer.pending', { n: l.pending.length })}</p>}
    </section>
  );
}

/** What the open documents in one currency still owe (exact: summed in minor units). */
function sumOwed(items: Schemas['BuyerDetail']['openItems'], currency: string): Schemas['Money'] {
  const amounts = items.filter((i) => i.owed.currency === currency).map((i) => i.owed.amount);
  const digits = Math.max(0, ...amounts.map((a) => a.split('.')[1]?.length ?? 0));
  const minor = amounts.reduce((s, a) => {
    const [whole = '0', frac = ''] = a.replace('-', '').split('.');
    const v = BigInt(whole + frac.padEnd(digits, '0'));
    return s + (a.startsWith('-') ? -v : v);
  }, 0n);
  const neg = minor < 0n;
  const s = (neg ? -minor : minor).toString().padStart(digits + 1, '0');
  const amount = digits === 0 ? s : `${s.slice(0, -digits)}.${s.slice(-digits)}`;
  return { amount: neg ? `-${amount}` : amount, currency };
}
