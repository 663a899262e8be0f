import { AsOfPicker, useAsOf } from '../components/as-of';
import { CheckResults } from '../components/check-results';
import { LimitRequests } from '../components/limit-requests';
import { ReviewsDue } from '../components/reviews-due';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session/session';

/**
 * The credit desk (issue 13, item 5): limit requests waiting for an answer, the credit check's holds and
 * referrals, the credit reviews due. The credit manager answers requests and reads the reviews (CREDIT routes);
 * the admin sees the lists.
 */
export function CreditDeskPage() {
  const asOf = useAsOf();
  const { t } = useI18n();
  const { me } = useSession();
  if (asOf === undefined || !me) return <p className="muted">{t('common.loading')}</p>;
  const manager = me.role === 'credit_manager';
  return (
    <>
      <header className="page-head">
        <h1>{t('desk.title', { date: asOf })}</h1>
        <div className="controls">
          <AsOfPicker asOf={asOf} />
        </div>
      </header>
      <LimitRequests asOf={asOf} me={me.user} answers={manager} />
      <CheckResults asOf={asOf} />
      {manager && <ReviewsDue asOf={asOf} />}
    </>
  );
}
