// Examples of the routes for users, the audit trail and health (see examples.ts).
import type { Store } from '@credence/app';
import type { Example, Facts } from './examples';

/** The path of the first webhook's `tail` (its id is random); `path` (an unknown id) is what the role matrix calls. */
const webhookPath = (tail: string) => ({
  path: `/api/v1/webhooks/wh_unknown${tail}`,
  pathFrom: async (store: Store) => `/api/v1/webhooks/${(await store.webhookSubscriptions())[0]?.id}${tail}`,
});

export function adminExamples(_f: Facts): Record<string, readonly Example[]> {
  const cm = 'credit_manager' as const;
  return {
    // Last in the route table: by then the writes above are in the trail.
    listAudit: [
      {
        name: 'api writes',
        as: 'admin',
        method: 'GET',
        path: '/api/v1/audit?user=user-erp&from=2026-01-01',
        status: 200,
      },
      { name: 'bad instant', as: 'admin', method: 'GET', path: '/api/v1/audit?from=yesterday', status: 400 },
    ],
    listUsers: [
      { name: 'all', as: 'admin', method: 'GET', path: '/api/v1/users', status: 200 },
      { name: 'not an admin', as: cm, method: 'GET', path: '/api/v1/users', status: 403 },
    ],
    addUser: [
      {
        name: 'a collector',
        as: 'admin',
        method: 'POST',
        path: '/api/v1/users',
        body: { name: 'anna', role: 'collector' },
        status: 201,
      },
      {
        name: 'the name taken',
        as: 'admin',
        method: 'POST',
        path: '/api/v1/users',
        body: { name: 'anna', role: 'sales' },
        status: 403,
      },
      {
        name: 'no such role',
        as: 'admin',
        method: 'POST',
        path: '/api/v1/users',
        body: { name: 'bob', role: 'boss' },
        status: 400,
      },
    ],
    revokeUser: [
      { name: 'anna', as: 'admin', method: 'POST', path: '/api/v1/users/anna/revoke', status: 201 },
      { name: 'again', as: 'admin', method: 'POST', path: '/api/v1/users/anna/revoke', status: 403 },
      { name: 'unknown', as: 'admin', method: 'POST', path: '/api/v1/users/nobody/revoke', status: 404 },
    ],
    addWebhook: [
      {
        name: 'held orders and limits',
        as: 'admin',
        method: 'POST',
        path: '/api/v1/webhooks',
        // Nothing listens on port 9: the ping below fails at once and is left for a retry.
        body: { url: 'http://127.0.0.1:9/credence', events: ['credit_check.hold', 'limit.approved'] },
        status: 201,
      },
      {
        name: 'no such event',
        as: 'admin',
        method: 'POST',
        path: '/api/v1/webhooks',
        body: { url: 'https://erp.example/hooks', events: ['invoice.paid'] },
        status: 400,
      },
      {
        name: 'not http',
        as: 'admin',
        method: 'POST',
        path: '/api/v1/webhooks',
        body: { url: 'ftp://erp.example/hooks', events: ['limit.set'] },
        status: 422,
      },
      {
        name: 'not an admin',
        as: cm,
        method: 'POST',
        path: '/api/v1/webhooks',
        body: { url: 'https://erp.example/hooks', events: ['limit.set'] },
        status: 403,
      },
    ],
    listWebhooks: [
      { name: 'active', as: 'admin', method: 'GET', path: '/api/v1/webhooks', status: 200 },
      { name: 'bad flag', as: 'admin', method: 'GET', path: '/api/v1/webhooks?all=yes', status: 400 },
    ],
    testWebhook: [
      { name: 'a ping', as: 'admin', method: 'POST', ...webhookPath('/test'), status: 200 },
      { name: 'unknown', as: 'admin', method: 'POST', path: '/api/v1/webhooks/wh_nope/test', status: 404 },
    ],
    listWebhookDeliveries: [
      { name: 'the log', as: 'admin', method: 'GET', ...webhookPath('/deliveries'), status: 200 },
      { name: 'unknown', as: 'admin', method: 'GET', path: '/api/v1/webhooks/wh_nope/deliveries', status: 404 },
    ],
    removeWebhook: [
      { name: 'removed', as: 'admin', method: 'DELETE', ...webhookPath(''), status: 200 },
      { name: 'again', as: 'admin', method: 'DELETE', ...webhookPath(''), status: 403 },
    ],
    getMe: [
      { name: 'a collector', as: 'collector', method: 'GET', path: '/api/v1/me', status: 200 },
      { name: 'the ERP', as: 'erp', method: 'GET', path: '/api/v1/me', status: 200 },
      { name: 'no token', as: undefined, method: 'GET', path: '/api/v1/me', status: 401 },
    ],
    setMyLanguage: [
      {
        name: 'zh-TW',
        as: 'collector',
        method: 'PUT',
        path: '/api/v1/me/language',
        body: { language: 'zh-TW' },
        status: 200,
      },
      {
        name: 'French',
        as: 'sales',
        method: 'PUT',
        path: '/api/v1/me/language',
        body: { language: 'fr' },
        status: 400,
      },
    ],
    health: [{ name: 'up', as: undefined, method: 'GET', path: '/api/v1/health', status: 200 }],
  };
}
