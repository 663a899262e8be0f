import { type KpiPerson, kpisByPersonJson, reportKpisByPerson } from '@credence/app';
import { addMonths, type BusinessDate, type Failure, renderTable } from '@credence/core';
import { CliError, type Io, withExistingStore } from '../context';
import { EXIT } from '../exit-codes';

export function asKpiPerson(value: string): KpiPerson {
  if (value === 'sales-owner') return 'sales_owner';
  if (value === 'collector') return 'collector';
  throw new CliError(`--by takes sales-owner or collector, not ${value}`, EXIT.usage);
}

type Out = { ok: true; text: string } | { ok: false; error: Failure };

/**
 * `report kpis --by sales-owner|collector [--from D] [--as-of D] [--format json]`: month by month from --from (default:
 * the first day of the month five months before) to --as-of (default today).
 */
export async function runKpisByPerson(
  io: Io,
  o: { by: KpiPerson; from?: BusinessDate; asOf?: BusinessDate; format: string; db?: string },
): Promise<Out> {
  const to = o.asOf ?? io.clock.today();
  const from = o.from ?? (addMonths(`${to.slice(0, 7)}-01` as BusinessDate, -5) as BusinessDate);
  const r = await withExistingStore(o, io, (s) => reportKpisByPerson(s, { by: o.by, from, to }));
  if (!r.ok) return r;
  const j = kpisByPersonJson(r.value);
  if (o.format === 'json') return { ok: true, text: JSON.stringify(j, null, 2) };
  const v = (x: number | null, suffix = '') => (x === null ? '-' : `${x.toFixed(1)}${suffix}`);
  const rows = j.people.flatMap((p) =>
    p.months.map((m) => [
      p.person === '' ? '(none)' : p.person,
      p.currency,
      m.month,
      v(m.dso),
      v(m.overduePercent, ' %'),
      v(m.cei, ' %'),
      m.collected,
    ]),
  );
  const table = renderTable(
    [
      { header: o.by === 'sales_owner' ? 'Sales owner' : 'Collector' },
      { header: 'Currency' },
      { header: 'Month' },
      { header: 'DSO', align: 'right' },
      { header: 'Overdue', align: 'right' },
      { header: 'CEI', align: 'right' },
      { header: 'Collected', align: 'right' },
    ],
    rows,
  );
  return { ok: true, text: `Collection KPIs per ${j.by}, ${j.from} … ${j.to}\n${table}` };
}
