import { useMemo, useState } from 'react';
import { api, type Schemas } from '../api/client';
import { useApi } from '../api/use-api';
import { AsOfPicker, useAsOf } from '../components/as-of';
import { Pager, pageOf } from '../components/pager';
import { Status } from '../components/status';
import { en, type MessageKey } from '../i18n/en';
import { formatMoney } from '../i18n/format';
import { type Params, useI18n } from '../i18n/i18n';
import { href, Link } from '../router';

/** Today's collection tasks, ranked by the server as `credence worklist` ranks them; filters; mark done. */
export function WorklistPage() {
  const asOf = useAsOf();
  const { t } = useI18n();
  if (asOf === undefined) return <p className="muted">{t('common.loading')}</p>;
  return <Worklist asOf={asOf} />;
}

function Worklist({ asOf }: { asOf: string }) {
  const { t, lang } = useI18n();
  const list = useApi(() => api.GET('/worklist', { params: { query: { asOf, lang, limit: 500 } } }), [asOf, lang]);
  const buyers = useApi(() => api.GET('/buyers'), []);
  const [action, setAction] = useState('');
  const [collector, setCollector] = useState('');
  const [country, setCountry] = useState('');
  const [page, setPage] = useState(1);
  const collectorOf = useMemo(() => new Map((buyers.data?.buyers ?? []).map((b) => [b.id, b])), [buyers.data]);
  const tasks = (list.data?.tasks ?? []).filter((x) => {
    const b = collectorOf.get(x.buyerId);
    return (
      (action === '' || x.action === action) &&
      (collector === '' || b?.collector === collector) &&
      (country === '' || b?.country === country)
    );
  });
  const actions = [...new Set((list.data?.tasks ?? []).map((x) => x.action))].sort();
  const countries = [...new Set((list.data?.tasks ?? []).map((x) => collectorOf.get(x.buyerId)?.country ?? ''))]
    .filter((c) => c)
    .sort();
  const collectors = [...new Set([...collectorOf.values()].map((b) => b.collector ?? ''))].filter((c) => c).sort();
  const done = async (key: string) => {
    await api.POST('/worklist/{key}/done', { params: { path: { key } }, body: {} });
    list.reload();
  };
  return (
    <>
      <header className="page-head">
        <h1>{t('worklist.title', { date: asOf })}</h1>
        <div className="controls">
          <AsOfPicker asOf={asOf} />
          <Choice
            label={t('worklist.filterAction')}
            value={action}
            options={actions}
            onChange={(v) => {
              setAction(v);
              setPage(1);
            }}
            name={(a) => actionName(t, a)}
          />
          <Choice
            label={t('worklist.filterCollector')}
            value={collector}
            options={collectors}
            onChange={(v) => {
              setCollector(v);
              setPage(1);
            }}
          />
          <Choice
            label={t('worklist.filterCountry')}
            value={country}
            options={countries}
            onChange={(v) => {
              setCountry(v);
              setPage(1);
            }}
          />
        </div>
      </header>
      <Status of={list}>
        {() =>
          tasks.length === 0 ? (
            <p>{t('worklist.empty')}</p>
          ) : (
            <>
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">#</th>
                      <th scope="col">{t('buyer.id')}</th>
                      <th scope="col">{t('worklist.action')}</th>
                      <th scope="col">{t('worklist.reason')}</th>
                      <th scope="col" className="num">
                        {t('worklist.amount')}
                      </th>
                      <th scope="col" className="num">
                        {t('worklist.daysOverdue')}
                      </th>
                      <th scope="col">
                        <span className="sr-only">{t('worklist.done')}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {pageOf(tasks, page).map((x, i) => (
                      <Task
                        key={x.key}
                        x={x}
                        rank={(page - 1) * 25 + i + 1}
                        asOf={asOf}
                        name={collectorOf.get(x.buyerId)?.name}
                        onDone={done}
                        lang={lang}
                      />
                    ))}
                  </tbody>
                </table>
              </div>
              <Pager page={page} total={tasks.length} onPage={setPage} />
            </>
          )
        }
      </Status>
    </>
  );
}

function Task(p: {
  x: Schemas['WorklistTask'];
  rank: number;
  asOf: string;
  name: string | undefined;
  onDone: (key: string) => void;
  lang: Parameters<typeof formatMoney>[0];
}) {
  const { t } = useI18n();
  return (
    <tr data-key={p.x.key}>
      <td>{p.rank}</td>
      <td>
        <Link href={href(`/buyers/${encodeURIComponent(p.x.buyerId)}`, { asOf: p.asOf })}>{p.name ?? p.x.buyerId}</Link>
      </td>
      <td>{actionName(t, p.x.action)}</td>
      <td>{p.x.reason.text}</td>
      <td className="num">{formatMoney(p.lang, p.x.amount)}</td>
      <td className="num">{p.x.daysOverdue}</td>
      <td>
        <button type="button" onClick={() => p.onDone(p.x.key)}>
          {t('worklist.markDone')}
        </button>
      </td>
    </tr>
  );
}

function Choice(p: {
  label: string;
  value: string;
  options: readonly string[];
  onChange: (v: string) => void;
  name?: (o: string) => string;
}) {
  const { t } = useI18n();
  return (
    <label className="inline">
      {p.label}{' '}
      <select value={p.value} onChange={(e) => p.onChange(e.target.value)}>
        <option value="">{t('worklist.any')}</option>
        {p.options.map((o) => (
          <option key={o} value={o}>
            {p.name ? p.name(o) : o}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A task's action in words (as the API names it when the catalogue does not know it yet). */
function actionName(t: (k: MessageKey, p?: Params) => string, action: string): string {
  const key = `worklist.action.${action}`;
  return key in en ? t(key as MessageKey) : action;
}
