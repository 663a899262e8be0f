import { useEffect, useRef, useState } from 'react';
import { api, type Schemas } from '../api/client';
import { useApi } from '../api/use-api';
import { AsOfPicker, useAsOf } from '../components/as-of';
import { PAGE_SIZE, Pager } from '../components/pager';
import { Status } from '../components/status';
import { en, type MessageKey } from '../i18n/en';
import { formatMoney } from '../i18n/format';
import { type Params, useI18n } from '../i18n/i18n';
import { href, Link, navigate } from '../router';

/** Today's collection tasks, ranked by the server as `credence worklist` ranks them; filters; mark done. */
export function WorklistPage() {
  const asOf = useAsOf();
  const { t } = useI18n();
  if (asOf === undefined) return <p className="muted">{t('common.loading')}</p>;
  return <Worklist asOf={asOf} />;
}

function Worklist({ asOf }: { asOf: string }) {
  const { t, lang } = useI18n();
  const [action, setAction] = useState('');
  const [collector, setCollector] = useState('');
  const [country, setCountry] = useState('');
  const [level, setLevel] = useState('');
  const [tier, setTier] = useState('');
  const [page, setPage] = useState(1);
  const [current, setCurrent] = useState(0);
  const [said, setSaid] = useState('');
  // Filtered, ranked and paged by the server: the browser holds one page of tasks and no list of buyers.
  const chosen = { action, collector, country, level, tier };
  const list = useApi(
    () =>
      api.GET('/worklist', {
        params: {
          query: {
            asOf,
            lang,
            offset: (page - 1) * PAGE_SIZE,
            limit: PAGE_SIZE,
            ...Object.fromEntries(Object.entries(chosen).filter(([, v]) => v !== '')),
          },
        },
      }),
    [asOf, lang, page, action, collector, country, level, tier],
  );
  const facets = list.data?.facets;
  const actions = facets?.actions ?? [];
  const countries = facets?.countries ?? [];
  const collectors = facets?.collectors ?? [];
  const levels = facets?.levels ?? [];
  const count = list.data?.count ?? 0;
  // The list shown is the day's (GET /worklist keeps nothing): a task derived today but not yet kept (a delivery to
  // confirm, an insurer's deadline) is kept first — the day's list refreshed — and then marked.
  const kept = async <R extends { response: Response }>(call: () => Promise<R>): Promise<R> => {
    const r = await call();
    if (r.response.status !== 404) return r;
    await api.POST('/worklist/refresh', { params: { query: { asOf, lang, limit: 1 } } });
    return call();
  };
  const done = async (key: string) => {
    const r = await kept(() => api.POST('/worklist/{key}/done', { params: { path: { key } }, body: {} }));
    if (r.data) setSaid(t('worklist.marked', { key }));
    list.reload();
  };
  const snooze = async (key: string) => {
    const until = addDays(asOf, 7);
    const r = await kept(() => api.POST('/worklist/{key}/snooze', { params: { path: { key } }, body: { until } }));
    if (r.data) setSaid(t('worklist.snoozedUntil', { key, date: until }));
    list.reload();
  };
  const shown = list.data?.tasks ?? [];
  const at = Math.min(current, Math.max(0, shown.length - 1));
  useKeys({
    move: (by) => setCurrent(Math.max(0, Math.min(shown.length - 1, at + by))),
    open: () => {
      const x = shown[at];
      if (x) navigate(href(`/buyers/${encodeURIComponent(x.buyerId)}`, { asOf }));
    },
    done: () => shown[at] && done(shown[at].key),
    snooze: () => shown[at] && snooze(shown[at].key),
  });
  const filter = (set: (v: string) => void) => (v: string) => {
    set(v);
    setPage(1);
    setCurrent(0);
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
            onChange={filter(setAction)}
            name={(a) => actionName(t, a)}
          />
          <Choice
            label={t('worklist.filterCollector')}
            value={collector}
            options={collectors}
            onChange={filter(setCollector)}
          />
          <Choice
            label={t('worklist.filterCountry')}
            value={country}
            options={countries}
            onChange={filter(setCountry)}
          />
          <Choice
            label={t('worklist.filterLevel')}
            value={level}
            options={levels}
            name={(x) => (`dunning.level.${x}` in en ? t(`dunning.level.${x}` as MessageKey) : x)}
            onChange={filter(setLevel)}
          />
          <Choice
            label={t('worklist.filterTier')}
            value={tier}
            options={['low', 'medium', 'high']}
            onChange={filter(setTier)}
            name={(x) => t(`worklist.tier.${x}` as MessageKey)}
          />
        </div>
      </header>
      <p className="muted keys" id="worklist-keys">
        {t('worklist.keys')}
      </p>
      <p className="sr-only" role="status" aria-live="polite" data-testid="worklist-said">
        {said}
      </p>
      <Status of={list}>
        {() =>
          count === 0 ? (
            <p>{t('worklist.empty')}</p>
          ) : (
            <>
              <div className="table-wrap">
                <table aria-describedby="worklist-keys" data-testid="worklist">
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
                    {shown.map((x, i) => (
                      <Task
                        key={x.key}
                        x={x}
                        current={i === at}
                        onSnooze={snooze}
                        rank={(page - 1) * PAGE_SIZE + i + 1}
                        asOf={asOf}
                        name={x.buyer?.name}
                        onDone={done}
                        lang={lang}
                      />
                    ))}
                  </tbody>
                </table>
              </div>
              <Pager
                page={page}
                total={count}
                onPage={(p) => {
                  setPage(p);
                  setCurrent(0);
                }}
              />
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
  onSnooze: (key: string) => void;
  current: boolean;
  lang: Parameters<typeof formatMoney>[0];
}) {
  const { t } = useI18n();
  const row = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    if (p.current) row.current?.scrollIntoView?.({ block: 'nearest' });
  }, [p.current]);
  return (
    <tr
      ref={row}
      data-key={p.x.key}
      data-level={levelOf(p.x)}
      data-tier={p.x.tier ?? ''}
      className={p.current ? 'current' : undefined}
      aria-current={p.current || undefined}
    >
      <td>{p.rank}</td>
      <td>
        <Link href={href(`/buyers/${encodeURIComponent(p.x.buyerId)}`, { asOf: p.asOf })}>{p.name ?? p.x.buyerId}</Link>
      </td>
      <td>{actionName(t, p.x.action)}</td>
      <td>{p.x.reason.text}</td>
      <td className="num">{formatMoney(p.lang, p.x.amount)}</td>
      <td className="num">{p.x.daysOverdue}</td>
      <td>
        <span className="row-actions">
          <button type="button" onClick={() => p.onDone(p.x.key)}>
            {t('worklist.markDone')}
          </button>
          <button type="button" className="secondary" onClick={() => p.onSnooze(p.x.key)}>
            {t('worklist.snooze')}
          </button>
        </span>
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

/** The dunning level of a letter task ('' for the others). */
const levelOf = (x: Schemas['WorklistTask']): string => {
  const l = x.reason.params.level;
  return typeof l === 'number' || typeof l === 'string' ? String(l) : '';
};

/** A business date plus n days (UTC arithmetic on the calendar date). */
function addDays(d: string, n: number): string {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}

/** j / k or the arrows move, Enter opens, d done, s snooze; not while typing in a field. */
function useKeys(on: { move(by: number): void; open(): void; done(): void; snooze(): void }) {
  const latest = useRef(on);
  latest.current = on;
  useEffect(() => {
    const key = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement | null;
      if (e.altKey || e.ctrlKey || e.metaKey || (el && /^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName))) return;
      if (e.key === 'Enter' && el && /^(BUTTON|A)$/.test(el.tagName)) return;
      const h = latest.current;
      const act: Record<string, () => void> = {
        j: () => h.move(1),
        ArrowDown: () => h.move(1),
        k: () => h.move(-1),
        ArrowUp: () => h.move(-1),
        Enter: () => h.open(),
        d: () => h.done(),
        s: () => h.snooze(),
      };
      const f = act[e.key];
      if (f) {
        e.preventDefault();
        f();
      }
    };
    window.addEventListener('keydown', key);
    return () => window.removeEventListener('keydown', key);
  }, []);
}
