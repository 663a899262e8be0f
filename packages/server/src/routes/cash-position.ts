import {
  kpisByPersonJson,
  reportKpisByPerson,
  reportWorkingCapital,
  setWorkingCapital,
  workingCapitalJson,
} from '@credence/app';
import { simulateScenario, simulationJson } from '@credence/app/simulate';
import {
  addMonths,
  type BusinessDate,
  fail,
  parseMoney,
  parseYearMonth,
  type Result,
  type WorkingCapitalFigures,
  type YearMonth,
} from '@credence/core';
import { parseScenario } from '@credence/core/simulate';
import { createRoute, z } from '@hono/zod-openapi';
import { asCurrency, asDate, Currency, IsoDate } from '../conventions';
import { failureResponse } from '../problem';
import { defineRoute, json, problems, SECURED, userOf, WITH_BODY, writer } from '../route';
import { CREDIT, CREDIT_DESK, REPORTERS } from './access';

// Issue 17 items 4 and 5, issue 18 item 7 over HTTP: the seller's working capital, the what-if simulator and the
// collection KPIs per person. The bodies are exactly the CLI's `--format json`.

const Month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
  .openapi({ example: '2026-01' });
const Decimal = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/)
  .openapi({ example: '310000.00' });
const Ratio = z.string().nullable().openapi({ description: 'a decimal string rounded once, half up; null: no figure' });

const WorkingCapitalMonth = z.object({
  month: Month,
  days: z.number().int(),
  receivables: Decimal,
  receivablesFrom: z.enum(['entered', 'ledger']),
  currentAssets: Decimal,
  currentLiabilities: Decimal,
  workingCapital: Decimal,
  workingCapitalRequirement: Decimal,
  currentRatio: Ratio,
  quickRatio: Ratio,
  cashRatio: Ratio,
  dso: Ratio,
  dio: Ratio,
  dpo: Ratio,
  cashConversionCycle: Ratio,
});
const WorkingCapital = z
  .object({
    from: Month,
    to: Month,
    currency: z.string().nullable(),
    months: z.array(WorkingCapitalMonth),
    missing: z.array(Month),
    trend: z.array(
      z.object({
        figure: z.string(),
        first: z.string(),
        last: z.string(),
        change: z.string(),
        direction: z.enum(['up', 'down', 'flat']),
      }),
    ),
  })
  .openapi('WorkingCapital', { description: 'the same JSON as `credence report working-capital --format json`' });

export const getWorkingCapitalRoute = defineRoute(
  CREDIT_DESK,
  createRoute({
    operationId: 'getWorkingCapital',
    method: 'get',
    path: '/working-capital',
    tags: ['reports'],
    summary: "The seller's own working-capital ratios month by month (current, quick, cash, DSO/DIO/DPO, CCC, WCR)",
    request: {
      query: z.object({
        from: Month.openapi({ param: { name: 'from', in: 'query' } }),
        to: Month.openapi({ param: { name: 'to', in: 'query' } }),
      }),
    },
    responses: { 200: json(WorkingCapital, 'the ratios and their trend'), ...problems(...SECURED, 'rejected') },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const r = await reportWorkingCapital(c.var.deps.store, q.from as YearMonth, q.to as YearMonth);
    if (!r.ok) return failureResponse(r.error);
    return c.json(workingCapitalJson(r.value), 200);
  },
);

const FiguresBody = z
  .object({
    currency: Currency,
    cash: Decimal,
    receivables: Decimal.optional().openapi({ description: "absent: the ledger's open receivables at the month end" }),
    inventory: Decimal,
    payables: Decimal,
    otherCurrentAssets: Decimal.optional(),
    otherCurrentLiabilities: Decimal.optional(),
    sales: Decimal,
    costOfSales: Decimal,
  })
  .strict()
  .openapi('WorkingCapitalFigures');

type FiguresInput = z.infer<typeof FiguresBody>;

function figures(month: YearMonth, b: FiguresInput): Result<WorkingCapitalFigures> {
  const out: Record<string, bigint> = {};
  const keys = [
    'cash',
    'receivables',
    'inventory',
    'payables',
    'otherCurrentAssets',
    'otherCurrentLiabilities',
    'sales',
    'costOfSales',
  ] as const;
  for (const k of keys) {
    const v = b[k];
    if (v === undefined) {
      if (k !== 'receivables') out[k] = 0n;
      continue;
    }
    const m = parseMoney(v, b.currency);
    if (!m.ok) return fail('invalid_amount', { field: k, value: v });
    out[k] = m.value.amount;
  }
  return { ok: true, value: { month, currency: asCurrency(b.currency), ...out } as unknown as WorkingCapitalFigures };
}

const StoredFigures = z
  .object({ month: Month, version: z.number().int(), by: z.string() })
  .openapi('WorkingCapitalStored', { description: 'the version stored (the latest is in force)' });

export const setWorkingCapitalRoute = defineRoute(
  CREDIT,
  createRoute({
    operationId: 'setWorkingCapital',
    method: 'put',
    path: '/working-capital/{month}',
    tags: ['reports'],
    summary: "Store a new version of a month's working-capital figures (`credence wc set`)",
    request: {
      params: z.object({ month: Month.openapi({ param: { name: 'month', in: 'path' } }) }),
      body: { required: true, content: { 'application/json': { schema: FiguresBody } } },
    },
    responses: { 201: json(StoredFigures, 'stored'), ...problems(...SECURED, ...WITH_BODY, 'rejected') },
  }),
  async (c) => {
    const month = parseYearMonth(c.req.valid('param').month);
    if (!month.ok) return failureResponse(month.error);
    const f = figures(month.value, c.req.valid('json'));
    if (!f.ok) return failureResponse(f.error);
    const r = await setWorkingCapital(writer(c), f.value, userOf(c));
    if (!r.ok) return failureResponse(r.error);
    return c.json({ month: r.value.month, version: r.value.id, by: r.value.by }, 201);
  },
);

const SimFigures = z.object({
  dso: z.number().nullable(),
  countbackDso: z.number().nullable(),
  overduePercent: z.number().nullable(),
  cei: z.number().nullable(),
  totalAr: Decimal,
  overdueAr: Decimal,
  sales: Decimal,
  refusedSales: Decimal,
  collected: Decimal,
  expectedLoss: Decimal,
  buckets: z.array(z.object({ label: z.string(), exposure: Decimal, provision: Decimal })),
});
const SimulationSchema = z
  .object({
    asOf: IsoDate,
    from: IsoDate,
    currency: z.string(),
    seed: z.number().int(),
    base: SimFigures,
    scenario: SimFigures,
    difference: z.object({
      dso: z.number().nullable(),
      overduePercent: z.number().nullable(),
      expectedLoss: Decimal,
      collected: Decimal,
    }),
    weeks: z.array(z.object({ from: IsoDate, to: IsoDate, base: Decimal, scenario: Decimal })),
    changed: z.object({
      dueMoved: z.number().int(),
      paidMoved: z.number().int(),
      responded: z.number().int(),
      refused: z.number().int(),
      defaulted: z.number().int(),
    }),
  })
  .openapi('Simulation', { description: 'the same JSON as `credence simulate --format json`' });

export const simulateRoute = defineRoute(
  CREDIT_DESK,
  createRoute({
    operationId: 'simulate',
    method: 'post',
    path: '/simulate',
    tags: ['forecast'],
    summary: 'What-if: replay the ledger under other terms, limits, dunning days or a default (a read: nothing stored)',
    request: {
      body: {
        required: true,
        content: {
          'application/json': {
            schema: z
              .object({
                asOf: IsoDate.optional().openapi({ description: 'default: today' }),
                scenario: z
                  .record(z.string(), z.unknown())
                  .openapi({ description: 'the scenario, as its file (docs/domain/simulator.md)' }),
              })
              .strict()
              .openapi('SimulateRequest'),
          },
        },
      },
    },
    responses: {
      200: json(SimulationSchema, 'base case and scenario'),
      ...problems(...SECURED, ...WITH_BODY, 'rejected', 'missing-data'),
    },
  }),
  async (c) => {
    const b = c.req.valid('json');
    const s = parseScenario(b.scenario);
    if (!s.ok) return failureResponse(s.error);
    const r = await simulateScenario(c.var.deps.store, s.value, asDate(b.asOf ?? c.var.deps.clock.today()));
    if (!r.ok) return failureResponse(r.error);
    return c.json(simulationJson(r.value), 200);
  },
);

const PersonKpis = z
  .object({
    by: z.enum(['sales-owner', 'collector']),
    from: IsoDate,
    to: IsoDate,
    people: z.array(
      z.object({
        person: z.string().openapi({ description: "'' for buyers with none" }),
        currency: z.string(),
        months: z.array(
          z.object({
            month: Month,
            from: IsoDate,
            to: IsoDate,
            dso: z.number().nullable(),
            overduePercent: z.number().nullable(),
            cei: z.number().nullable(),
            collected: Decimal,
            totalAr: Decimal,
            overdueAr: Decimal,
            creditSales: Decimal,
          }),
        ),
      }),
    ),
  })
  .openapi('KpisByPerson', { description: 'the same JSON as `credence report kpis --by … --format json`' });

export const kpisByPersonRoute = defineRoute(
  REPORTERS,
  createRoute({
    operationId: 'kpisByPerson',
    method: 'get',
    path: '/reports/kpis/by-person',
    tags: ['reports'],
    summary: 'DSO, overdue %, CEI and cash collected per sales owner or collector, month by month',
    request: {
      query: z.object({
        by: z.enum(['sales-owner', 'collector']).openapi({ param: { name: 'by', in: 'query' } }),
        from: IsoDate.optional().openapi({
          param: { name: 'from', in: 'query' },
          description: 'default: the first day of the month five months before `to`',
        }),
        to: IsoDate.optional().openapi({ param: { name: 'to', in: 'query' }, description: 'default: today' }),
      }),
    },
    responses: { 200: json(PersonKpis, 'per person and month'), ...problems(...SECURED, 'rejected') },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const to = asDate(q.to ?? c.var.deps.clock.today());
    const from = q.from !== undefined ? asDate(q.from) : addMonths(`${to.slice(0, 7)}-01` as BusinessDate, -5);
    const r = await reportKpisByPerson(c.var.deps.store, {
      by: q.by === 'sales-owner' ? 'sales_owner' : 'collector',
      from,
      to,
    });
    if (!r.ok) return failureResponse(r.error);
    return c.json(kpisByPersonJson(r.value), 200);
  },
);
