import type { Store } from '@credence/app';
import type { Example, Facts } from './examples';

/** A key of an alert not resolved (after `runAlerts` above), by rule when one fires. */
const openKey = async (store: Store, rule?: string) => {
  const open = await store.alerts({ states: ['open', 'acknowledged', 'snoozed'] });
  const a = open.find((x) => rule === undefined || x.rule === rule) ?? open[0];
  if (a === undefined) throw new Error('no open alert in the demo data');
  return a.key;
};

// Monitoring (routes/alerts.ts): run the day, list, then decide on alerts the run opened.
export function monitoringExamples(_f: Facts): Readonly<Record<string, readonly Example[]>> {
  return {
    runAlerts: [
      { name: 'today', as: 'credit_manager', method: 'POST', path: '/api/v1/alerts/run', body: {}, status: 200 },
      { name: 'bad date', as: 'collector', method: 'POST', path: '/api/v1/alerts/run?asOf=30.06.2026', status: 400 },
    ],
    runDaily: [
      { name: 'today', as: 'credit_manager', method: 'POST', path: '/api/v1/daily/run', body: {}, status: 202 },
      {
        name: 'a day to come',
        as: 'admin',
        method: 'POST',
        path: '/api/v1/daily/run?asOf=2099-01-01',
        body: {},
        status: 422,
      },
    ],
    getDaily: [
      { name: 'a date', as: 'collector', method: 'GET', path: '/api/v1/daily/2026-06-30', status: 200 },
      { name: 'bad date', as: 'collector', method: 'GET', path: '/api/v1/daily/30.06.2026', status: 400 },
    ],
    listAlerts: [
      { name: 'open ones', as: 'sales', method: 'GET', path: '/api/v1/alerts', status: 200 },
      { name: 'a page of ten', as: 'sales', method: 'GET', path: '/api/v1/alerts?offset=0&limit=10', status: 200 },
      { name: 'bad state', as: 'sales', method: 'GET', path: '/api/v1/alerts?state=closed', status: 400 },
    ],
    acknowledgeAlert: [
      {
        name: 'acknowledged',
        as: 'collector',
        method: 'POST',
        path: '/api/v1/alerts/x/ack',
        pathFrom: async (s) => `/api/v1/alerts/${encodeURIComponent(await openKey(s))}/ack`,
        body: {},
        status: 200,
      },
      { name: 'unknown', as: 'collector', method: 'POST', path: '/api/v1/alerts/nope:B9/ack', body: {}, status: 404 },
    ],
    snoozeAlert: [
      {
        name: 'a week',
        as: 'collector',
        method: 'POST',
        path: '/api/v1/alerts/x/snooze',
        pathFrom: async (s) => `/api/v1/alerts/${encodeURIComponent(await openKey(s))}/snooze`,
        body: { until: '2026-07-07' },
        status: 200,
      },
      {
        name: 'in the past',
        as: 'collector',
        method: 'POST',
        path: '/api/v1/alerts/x/snooze',
        pathFrom: async (s) => `/api/v1/alerts/${encodeURIComponent(await openKey(s))}/snooze`,
        body: { until: '2020-01-01' },
        status: 403,
      },
    ],
    resolveAlert: [
      {
        name: 'resolved',
        as: 'credit_manager',
        method: 'POST',
        path: '/api/v1/alerts/x/resolve',
        pathFrom: async (s) => `/api/v1/alerts/${encodeURIComponent(await openKey(s))}/resolve`,
        body: { note: 'agreed with sales: paid next week' },
        status: 200,
      },
      {
        name: 'no note',
        as: 'credit_manager',
        method: 'POST',
        path: '/api/v1/alerts/x/resolve',
        body: {},
        status: 400,
      },
    ],
  };
}
