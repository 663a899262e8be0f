import type { MonitoringFacts } from '@credence/app/monitoring';
import type { BusinessDate, ExternalGrade } from '@credence/core';
import { type Kysely, sql } from 'kysely';
import { asDate } from '../convert';
import { gradeOverridesUpTo } from '../repos/grade-overrides';
import { toRecorded } from '../repos/grades';
import { type HoldRow, toHold } from '../repos/orders';
import type { Database, ExternalGradesTable, GradesTable } from '../schema';

/**
 * `LedgerReads.monitoringFacts`: six queries for the whole portfolio, whatever the number of buyers (each buyer's
 * two latest grades and external grades per source, holds, first invoice, last credit decision, grade overrides).
 */
export async function monitoringFacts(db: Kysely<Database>, asOf: BusinessDate): Promise<MonitoringFacts> {
  const [grades, holds, external, first, decided, overrides] = await Promise.all([
    sql<GradesTable>`
      select buyer_id, as_of, grade, pd, tier, detail from (
        select g.*, row_number() over (partition by buyer_id order by as_of desc) as n
        from grades g where as_of <= ${asOf}::date) x
      where n <= 2 order by buyer_id, as_of`.execute(db),
    sql<HoldRow>`
      select id, buyer_id, action, reason, by, recorded_on from credit_holds
      where recorded_on <= ${asOf}::date order by buyer_id, id`.execute(db),
    sql<ExternalGradesTable>`
      select buyer_id, date, source, value from (
        select e.*, row_number() over (partition by buyer_id, source order by date desc) as n
        from external_grades e where date <= ${asOf}::date) x
      where n <= 2 order by buyer_id, source, date`.execute(db),
    sql<{ buyer_id: string; on: string }>`
      select buyer_id, min(issue_date) as on from documents where type = 'invoice' and issue_date <= ${asOf}::date
      group by buyer_id`.execute(db),
    sql<{ buyer_id: string; on: string }>`
      select buyer_id, max(recorded_on) as on from limit_events where kind <> 'request' and recorded_on <= ${asOf}::date
      group by buyer_id`.execute(db),
    gradeOverridesUpTo(db, asOf),
  ]);
  return {
    grades: grades.rows.map(toRecorded),
    holds: holds.rows.map(toHold),
    externalGrades: external.rows.map(
      (r): ExternalGrade => ({ buyerId: r.buyer_id, date: asDate(r.date), source: r.source, value: Number(r.value) }),
    ),
    firstInvoices: first.rows.map((r) => ({ buyerId: r.buyer_id, on: asDate(r.on) })),
    lastDecisions: decided.rows.map((r) => ({ buyerId: r.buyer_id, on: asDate(r.on) })),
    overrides,
  };
}
