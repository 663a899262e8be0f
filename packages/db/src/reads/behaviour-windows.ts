import type { PartialSettlements, SettlementWindow, WindowBehaviour } from '@credence/app/monitoring';
import type { BehaviourSums } from '@credence/core';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { asCurrency, toBig, toCount } from '../convert';
import type { Database } from '../schema';

type Row = Record<string, unknown> & { buyer_id: string; currency: string };

/**
 * `MonitoringReads.behaviourWindows`: `behaviourSums` and `partialSettlements` of several windows in one query —
 * one scan of the payments' allocation rows dated in any window, netted per (entry, invoice) with one filtered sum
 * per window (the rows a window's own query would read), one join to the invoices, and per buyer and currency one
 * set of filtered aggregates per window. The daily cycle's steps read four windows (alerts) or two (grades,
 * reviews): one pass instead of one per window and again per partial count.
 */
export async function behaviourWindows(
  db: Kysely<Database>,
  windows: readonly SettlementWindow[],
): Promise<WindowBehaviour[]> {
  if (windows.length === 0) return [];
  const from = windows.map((w) => w.from).reduce((m, d) => (d < m ? d : m));
  const to = windows.map((w) => w.to).reduce((m, d) => (d > m ? d : m));
  const inWindow = (w: SettlementWindow) => sql`a.date between ${w.from}::date and ${w.to}::date`;
  const per = (f: (w: SettlementWindow, k: number) => RawBuilder<unknown>) => sql.join(windows.map(f));
  // As `behaviourSums` counts a settlement in a window: what is left after its rows in the window, paid in it.
  const counted = (w: SettlementWindow, k: number) =>
    sql`${sql.ref(`n.s${k}`)} > 0 and ${sql.ref(`n.p${k}`)} >= ${w.from}::date`;
  const { rows } = await sql<Row>`
    with net as (
      select a.entry_id, a.document_number,
             ${per((w, k) => sql`-sum(a.delta) filter (where ${inWindow(w)}) as ${sql.ref(`s${k}`)}`)},
             ${per((w, k) => sql`min(a.date) filter (where a.delta < 0 and ${inWindow(w)}) as ${sql.ref(`p${k}`)}`)}
      from allocations a
      where a.kind = 'payment' and a.date between ${from}::date and ${to}::date
      group by a.entry_id, a.document_number
    )
    select d.buyer_id, d.currency,
           ${per((w, k) => {
             const c = counted(w, k);
             const s = sql.ref(`n.s${k}`);
             const p = sql.ref(`n.p${k}`);
             return sql`sum(${s}) filter (where ${c}) as ${sql.ref(`settled_amount_${k}`)},
               count(*) filter (where ${c}) as ${sql.ref(`settlements_${k}`)},
               sum(${s} * (${p} - d.issue_date)) filter (where ${c}) as ${sql.ref(`amount_days_to_pay_${k}`)},
               sum(${s} * greatest(0, ${p} - d.due_date)) filter (where ${c}) as ${sql.ref(`amount_days_late_${k}`)},
               count(*) filter (where ${c} and ${p} > d.due_date) as ${sql.ref(`late_settlements_${k}`)},
               max(greatest(0, ${p} - d.due_date)) filter (where ${c}) as ${sql.ref(`max_days_late_${k}`)},
               count(*) filter (where ${c} and ${s} < d.amount) as ${sql.ref(`partial_${k}`)}`;
           })}
    from net n
    join documents d on d.number = n.document_number and d.type = 'invoice'
    group by d.buyer_id, d.currency
    order by d.buyer_id, d.currency`.execute(db);
  return windows.map((_, k) => {
    const sums: BehaviourSums[] = [];
    const partial = new Map<string, { buyerId: string; settlements: number; partial: number }>();
    for (const r of rows) {
      const settlements = toCount(r[`settlements_${k}`]);
      if (settlements === 0) continue;
      sums.push({
        buyerId: r.buyer_id,
        currency: asCurrency(r.currency),
        settledAmount: toBig(r[`settled_amount_${k}`]),
        settlements,
        amountTimesDaysToPay: toBig(r[`amount_days_to_pay_${k}`]),
        amountTimesDaysLate: toBig(r[`amount_days_late_${k}`]),
        lateSettlements: toCount(r[`late_settlements_${k}`]),
        maxDaysLate: Number(r[`max_days_late_${k}`] ?? 0),
      });
      // Per buyer over its currencies, as `partialSettlements` counts (rows come by buyer).
      const p = partial.get(r.buyer_id) ?? { buyerId: r.buyer_id, settlements: 0, partial: 0 };
      p.settlements += settlements;
      p.partial += toCount(r[`partial_${k}`]);
      partial.set(r.buyer_id, p);
    }
    return { sums, partial: [...partial.values()] as PartialSettlements[] };
  });
}
