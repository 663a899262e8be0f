import { useCallback, useState } from 'react';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { AsOfPicker, useAsOf } from '../components/as-of';
import { BuyerActions } from '../components/buyer-actions';
import { BuyerGrade } from '../components/buyer-grade';
import { BuyerLimit } from '../components/buyer-limit';
import { BuyerMaster } from '../components/buyer-master';
import { BuyerSignals } from '../components/buyer-signals';
import { OpenDocuments } from '../components/open-documents';
import { Status } from '../components/status';
import { Timeline } from '../components/timeline';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session/session';

/**
 * One buyer: master data, grade and reasons, limit and exposure, open documents, timeline; and the actions the
 * role may take on it, after each of which the figures and the timeline are read again.
 */
export function BuyerPage({ id }: { id: string }) {
  const asOf = useAsOf();
  const { t } = useI18n();
  if (asOf === undefined) return <p className="muted">{t('common.loading')}</p>;
  return <Buyer id={id} asOf={asOf} />;
}

function Buyer({ id, asOf }: { id: string; asOf: string }) {
  const { t } = useI18n();
  const { me } = useSession();
  const [round, setRound] = useState(0);
  const changed = useCallback(() => setRound((n) => n + 1), []);
  const detail = useApi(
    () => api.GET('/buyers/{id}', { params: { path: { id }, query: { asOf } } }),
    [id, asOf, round],
  );
  const timeline = useApi(() => api.GET('/buyers/{id}/timeline', { params: { path: { id } } }), [id, round]);
  return (
    <Status of={detail}>
      {(d) => (
        <>
          <header className="page-head">
            <h1>
              {d.buyer.name} <span className="muted">{d.buyer.id}</span>
            </h1>
            <div className="controls">
              <AsOfPicker asOf={asOf} />
            </div>
          </header>
          {me && <BuyerActions role={me.role} detail={d} timeline={timeline.data} asOf={asOf} onChanged={changed} />}
          <div className="grid-3">
            <BuyerMaster buyer={d.buyer} />
            <BuyerGrade id={id} asOf={asOf} />
            <BuyerLimit id={id} asOf={asOf} items={d.openItems} round={round} />
          </div>
          <BuyerSignals detail={d} />
          <section className="panel">
            <h2>{t('buyer.documents')}</h2>
            <OpenDocuments items={d.openItems} />
          </section>
          <section className="panel">
            <h2>{t('buyer.timeline')}</h2>
            <Timeline of={timeline} />
          </section>
        </>
      )}
    </Status>
  );
}
