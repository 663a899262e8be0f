import { writeFileSync } from 'node:fs';
import { type BusinessDate, type CurrencyCode, exponentOf } from '@credence/core';
import type { Engine } from '@credence/db';
import { DuckDBInstance } from '@duckdb/node-api';
import { sql } from 'kysely';
import { type DuckKpis, duckKpis } from './duckdb-kpis';
import { line, millis, repeated, seconds, timed } from './measure';

/** DuckDB's aging and KPIs as of one date, with the best time of each. */
export interface DuckResult {
  readonly asOf: BusinessDate;
  readonly best: number;
  readonly cells: DuckCell[];
  readonly kpis: DuckKpis;
  readonly kpisBest: number;
}

export interface DuckCell {
  readonly currency: string;
  readonly bucket: number;
  readonly amount: bigint;
  readonly count: number;
}

/**
 * Writes the store's allocation rows (kind, entry, document, date, delta) to CSV, so DuckDB ages the very same
 * ledger and finds the same settlements.
 */
export async function exportAllocations(engine: Engine, path: string): Promise<number> {
  const { rows } = await sql<{ kind: string; entry_id: string; document_number: string; date: string; delta: bigint }>`
    select kind, entry_id, document_number, date, delta from allocations`.execute(engine.db);
  const lines = rows.map((r) => `${r.kind},${r.entry_id},${r.document_number},${r.date},${r.delta}`);
  writeFileSync(path, `kind,entry_id,document_number,date,delta\n${lines.join('\n')}\n`);
  return rows.length;
}

const bucketCase = (bounds: readonly number[]): string =>
  `case when days <= 0 then 0 ${bounds.map((b, i) => `when days <= ${b} then ${i + 1}`).join(' ')} else ${bounds.length + 1} end`;

/**
 * DuckDB (in memory) loads invoices.csv (amounts to minor units) and the allocations, then runs the
 * same aging query as the store as of each date (signed face value + allocation deltas dated ≤ asOf,
 * bucketed by days overdue) and the inputs of the same KPIs (`duckKpis`).
 */
export async function benchDuckdb(
  invoicesCsv: string,
  allocationsCsv: string,
  currencies: readonly string[],
  dates: readonly BusinessDate[],
  runs: number,
  out: (s: string) => void,
): Promise<DuckResult[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    const scale = currencies.map((c) => `when '${c}' then ${10 ** exponentOf(c as CurrencyCode)}`).join(' ');
    const load = await timed(async () => {
      await conn.run(`create table documents as
        select document_number as number, buyer_id, type, issue_date, due_date, currency,
               cast(round(cast(amount as decimal(20, 3)) * (case currency ${scale} end)) as bigint) as amount
        from read_csv('${invoicesCsv}', header = true, all_varchar = true,
                      types = {'issue_date': 'DATE', 'due_date': 'DATE'})`);
      await conn.run(`create table allocations as
        select * from read_csv('${allocationsCsv}', header = true,
                               columns = {'kind': 'VARCHAR', 'entry_id': 'VARCHAR', 'document_number': 'VARCHAR',
                                          'date': 'DATE', 'delta': 'BIGINT'})`);
    });
    out(`\nDuckDB (in memory, same invoice rows and allocations)`);
    out(line('load invoices + allocations CSV', seconds(load.ms)));
    const results: DuckResult[] = [];
    for (const asOf of dates) {
      const query = `
      with m as (select document_number, sum(delta) as moved from allocations
                 where date <= DATE '${asOf}' group by document_number),
      o as (select d.currency,
                   (case when d.type = 'credit_note' then -d.amount else d.amount end) + coalesce(m.moved, 0) as open,
                   DATE '${asOf}' - d.due_date as days
            from documents d left join m on m.document_number = d.number
            where d.issue_date <= DATE '${asOf}')
      select currency, ${bucketCase([30, 60, 90, 180, 365])} as bucket,
             cast(sum(open) as bigint) as amount, count(*) as count
      from o where open <> 0 group by 1, 2 order by 1, 2`;
      const r = await repeated(runs, async () => (await conn.runAndReadAll(query)).getRowObjects());
      out(line(`aging as of ${asOf}`, `first ${millis(r.first)}`, `best of ${runs} ${millis(r.best)}`));
      const cells = r.value.map((row) => ({
        currency: String(row.currency),
        bucket: Number(row.bucket),
        amount: BigInt(String(row.amount)),
        count: Number(row.count),
      }));
      const k = await repeated(runs, () => duckKpis(conn, asOf));
      out(line(`KPIs as of ${asOf}`, `first ${millis(k.first)}`, `best of ${runs} ${millis(k.best)}`));
      results.push({ asOf, best: r.best, cells, kpis: k.value, kpisBest: k.best });
    }
    return results;
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}
