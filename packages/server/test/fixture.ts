// A server on a real store (PGlite in memory) with a small demo portfolio, graded, and a token per role.
import {
  addUser,
  type Clock,
  importBuyers,
  importDocuments,
  importFxRates,
  importPayments,
  type RowSource,
  runGrades,
  type Store,
} from '@credence/app';
import { type BusinessDate, date } from '@credence/core';
import { openStore } from '@credence/db';
import { BUYER_COLUMNS, FX_RATE_COLUMNS, generatePortfolio, INVOICE_COLUMNS, PAYMENT_COLUMNS } from '@credence/demo';
import {
  COMPANY_EXAMPLE,
  gradeContext,
  readCheckPolicy,
  readCompany,
  readDunningPolicy,
  readLimitPolicy,
  readRates,
} from '@credence/runtime';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { type AppEnv, createServer, type Policies, ROLES, type Role } from '../src/index';
import type { Facts } from './examples';

export const TODAY: BusinessDate = date('2026-06-30');
export const fixedClock: Clock = { today: () => TODAY, now: () => new Date('2026-06-30T10:00:00Z') };

/** The shipped configuration, as the composition root reads it (@credence/runtime). */
export async function shippedPolicies(): Promise<Policies> {
  const [grading, limits, check, rates, dunning] = await Promise.all([
    gradeContext(),
    readLimitPolicy(),
    readCheckPolicy(),
    readRates(),
    readDunningPolicy(),
  ]);
  return { grading, limits, check, rates, dunning };
}

const source = (file: string, columns: readonly string[], rows: readonly Record<string, string>[]): RowSource => ({
  file,
  columns,
  rows: rows.map((values, i) => ({ row: i + 2, values })),
});

async function must<T>(what: string, r: Promise<{ ok: boolean; error?: unknown } & T>): Promise<void> {
  const x = await r;
  if (!x.ok) throw new Error(`${what}: ${JSON.stringify(x.error)}`);
}

/** A small demo portfolio imported through the real import use cases, then graded as of TODAY. */
export async function loadDemo(store: Store, policies: Policies): Promise<void> {
  const p = generatePortfolio({ seed: 11, size: { buyers: 12, invoices: 240, months: 6 }, endDate: TODAY });
  await must('buyers', importBuyers(store, source('buyers.csv', BUYER_COLUMNS, p.buyers)));
  await must('fx', importFxRates(store, source('fx.csv', FX_RATE_COLUMNS, p.fxRates)));
  await must('invoices', importDocuments(store, source('invoices.csv', INVOICE_COLUMNS, p.documents)));
  await must('payments', importPayments(store, source('payments.csv', PAYMENT_COLUMNS, p.payments)));
  await runGrades(store, policies.grading, TODAY);
}

/** A user per role (`user-ROLE`) with a live token each (app `addUser`). */
/** Who a test request is made as: a role's user, or `approver`, a second credit manager (four eyes). */
export type Caller = Role | 'approver';

async function addUsers(store: Store): Promise<Record<Caller, string>> {
  const tokens = {} as Record<Caller, string>;
  const users: [Caller, string, Role][] = [
    ...ROLES.map((r): [Caller, string, Role] => [r, `user-${r}`, r]),
    ['approver', 'approver', 'credit_manager'],
  ];
  for (const [caller, name, role] of users) {
    const u = await addUser(store, { name, role });
    if (!u.ok) throw new Error(`user ${name}: ${JSON.stringify(u.error)}`);
    tokens[caller] = u.value.token;
  }
  return tokens;
}

export interface TestServer {
  readonly app: OpenAPIHono<AppEnv>;
  readonly store: Store;
  readonly policies: Policies;
  readonly tokens: Readonly<Record<Caller, string>>;
  /**
   * A request with the token of `role` (none when undefined): a body as JSON, or, with `contentType`, the body
   * (a string or bytes) sent as it is with that type.
   */
  call(role: Caller | undefined, method: string, path: string, body?: unknown, contentType?: string): Promise<Response>;
  close(): Promise<void>;
}

/** A server on a fresh in-memory PGlite store: with the demo portfolio, unless `demo` is false. */
export async function openTestServer(demo = true): Promise<TestServer> {
  const store = await openStore({ recorder: { by: 'test', now: () => fixedClock.now() } });
  const policies = await shippedPolicies();
  if (demo) await loadDemo(store, policies);
  const tokens = await addUsers(store);
  const company = await readCompany(COMPANY_EXAMPLE, {});
  const app = createServer({ store, clock: fixedClock, policies, company });
  return {
    app,
    store,
    policies,
    tokens,
    call: async (role, method, path, body, contentType) =>
      app.request(path, {
        method,
        headers: {
          ...(role !== undefined ? { authorization: `Bearer ${tokens[role]}` } : {}),
          ...(body !== undefined && !(body instanceof FormData)
            ? { 'content-type': contentType ?? 'application/json' }
            : {}),
        },
        ...(body !== undefined
          ? {
              body:
                typeof body === 'string' || body instanceof FormData || body instanceof Uint8Array
                  ? body
                  : JSON.stringify(body),
            }
          : {}),
      }),
    close: () => store.close(),
  };
}

/** The buyer (with an open invoice in its own currency) the example requests use. */
export async function demoFacts(s: TestServer): Promise<Facts> {
  const buyers = await s.store.listBuyers();
  for (const b of buyers) {
    const open = await s.store.openInvoices([b.id]);
    const inv = open.find((i) => i.currency === b.currency);
    if (inv) return { buyer: b.id, currency: b.currency, invoice: inv.number };
  }
  throw new Error('no buyer with an open invoice in the demo data');
}
