// Examples of the routes for users, the audit trail and health (see examples.ts).
import type { Example, Facts } from './examples';

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
    getMe: [
      { name: 'a collector', as: 'collector', method: 'GET', path: '/api/v1/me', status: 200 },
      { name: 'the ERP', as: 'erp', method: 'GET', path: '/api/v1/me', status: 200 },
      { name: 'no token', as: undefined, method: 'GET', path: '/api/v1/me', status: 401 },
    ],
    health: [{ name: 'up', as: undefined, method: 'GET', path: '/api/v1/health', status: 200 }],
  };
}
