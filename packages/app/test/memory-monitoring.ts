import type { BusinessDate } from '@credence/core';
import type { Alert, CountryRiskClass } from '@credence/core/monitoring';
import type { MonitoringReads, MonitoringWrites } from '../src/monitoring/ports';
import type { State } from './memory-state';

/** Monitoring of the in-memory store: the facts from the state's lists, the alerts as a map by key. */
export function monitoringReads(s: () => State): Omit<MonitoringReads, 'behaviourWindows'> {
  const lastTwo = <T>(xs: readonly T[], group: (x: T) => string, date: (x: T) => string): T[] => {
    const m = new Map<string, T[]>();
    for (const x of [...xs].sort((a, b) => (date(a) < date(b) ? -1 : date(a) > date(b) ? 1 : 0)))
      m.set(group(x), [...(m.get(group(x)) ?? []), x]);
    return [...m.keys()].sort().flatMap((k) => (m.get(k) ?? []).slice(-2));
  };
  return {
    monitoringFacts: async (asOf: BusinessDate) => {
      const invoices = [...s().documents.values()].filter((d) => d.type === 'invoice' && d.issueDate <= asOf);
      const first = new Map<string, BusinessDate>();
      for (const d of invoices) {
        const f = first.get(d.buyerId);
        if (f === undefined || d.issueDate < f) first.set(d.buyerId, d.issueDate);
      }
      const decided = new Map<string, BusinessDate>();
      for (const e of s().limitEvents) {
        if (e.kind === 'request' || e.recordedOn > asOf) continue;
        const f = decided.get(e.buyerId);
        if (f === undefined || e.recordedOn > f) decided.set(e.buyerId, e.recordedOn);
      }
      return {
        grades: lastTwo(
          [...s().grades.values()].filter((g) => g.asOf <= asOf),
          (g) => g.buyerId,
          (g) => g.asOf,
        ),
        holds: s().holds.filter((h) => h.recordedOn <= asOf),
        externalGrades: lastTwo(
          [...s().external.values()].filter((g) => g.date <= asOf),
          (g) => `${g.buyerId}|${g.source}`,
          (g) => g.date,
        ),
        firstInvoices: [...first].map(([buyerId, on]) => ({ buyerId, on })),
        lastDecisions: [...decided].map(([buyerId, on]) => ({ buyerId, on })),
        overrides: s().overrides.filter((o) => o.recordedOn <= asOf),
      };
    },
    partialSettlements: async (from, asOf) => {
      const docs = [...s().documents.values()];
      const face = new Map(docs.map((d) => [d.number, d.amount]));
      const net = new Map<string, { buyerId: string; number: string; settled: bigint; paidOn?: BusinessDate }>();
      for (const a of s().allocations) {
        const d = s().documents.get(a.documentNumber);
        if (a.kind !== 'payment' || d === undefined || d.type !== 'invoice' || a.date > asOf || a.date < from) continue;
        const k = `${a.entryId}|${a.documentNumber}`;
        const n = net.get(k) ?? { buyerId: d.buyerId, number: d.number, settled: 0n };
        n.settled -= a.delta;
        if (a.delta < 0n && (n.paidOn === undefined || a.date < n.paidOn)) n.paidOn = a.date;
        net.set(k, n);
      }
      const out = new Map<string, { buyerId: string; settlements: number; partial: number }>();
      for (const n of net.values()) {
        if (n.settled <= 0n || n.paidOn === undefined || n.paidOn < from) continue;
        const o = out.get(n.buyerId) ?? { buyerId: n.buyerId, settlements: 0, partial: 0 };
        o.settlements += 1;
        if (n.settled < (face.get(n.number) ?? 0n)) o.partial += 1;
        out.set(n.buyerId, o);
      }
      return [...out.values()].sort((a, b) => (a.buyerId < b.buyerId ? -1 : 1));
    },
    alertDigests: async (date) =>
      [...s().alertDigests.values()]
        .filter((d) => d.date === date)
        .sort((a, b) => (a.recipient < b.recipient ? -1 : 1)),
    alerts: async (q) =>
      [...s().alerts.values()]
        .filter(
          (a) =>
            (q.states === undefined || q.states.includes(a.state)) &&
            (q.keys === undefined || q.keys.includes(a.key)) &&
            (q.buyerId === undefined || a.buyerId === q.buyerId),
        )
        .sort((a, b) => (a.key < b.key ? -1 : 1)),
    countryRisks: async (asOf, since) => {
      const inForce = (country: string, on: BusinessDate) =>
        [...s().countryRisk.values()]
          .filter((c) => c.country === country && c.validFrom <= on)
          .sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1))
          .at(-1)?.riskClass;
      return [...new Set([...s().buyers.values()].map((b) => b.country))].flatMap((country) => {
        const value = inForce(country, asOf);
        const previous = inForce(country, since);
        return value === undefined ? [] : [{ country, value, ...(previous !== undefined ? { previous } : {}) }];
      });
    },
  };
}

export function monitoringWrites(s: () => State): MonitoringWrites {
  return {
    putCountryRiskClasses: async (rows) => {
      const key = (c: CountryRiskClass) => `${c.country}|${c.validFrom}`;
      const written = rows.filter((c) => {
        const was = s().countryRisk.get(key(c));
        return was === undefined || was.riskClass !== c.riskClass || was.source !== c.source;
      });
      for (const c of written) s().countryRisk.set(key(c), c);
      return written;
    },
    saveAlerts: async (rows: readonly Alert[]) => {
      for (const a of rows) s().alerts.set(a.key, a);
    },
    saveAlertDigest: async (d) => {
      s().alertDigests.set(`${d.recipient}|${d.date}`, d);
    },
    appendHolds: async (events) => {
      for (const e of events) s().holds.push({ ...e, id: s().holds.length + 1 });
    },
  };
}
