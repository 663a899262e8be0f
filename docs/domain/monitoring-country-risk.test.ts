/** The country risk example of docs/domain/monitoring.md: dated classes, the look-back window, on PGlite and PostgreSQL. */
import { importCountryRisk, runAlerts, setCountryRisk } from '@credence/app/monitoring';
import { type CurrencyCode, date } from '@credence/core';
import { DEFAULT_ALERT_RULES, parseAlertPolicy } from '@credence/core/monitoring';
import { describe, expect, it } from 'vitest';
import { targets, useTarget } from '../../packages/db/test/harness';
import { cell, readDocTables, table } from './doc-tables';

const EUR = 'EUR' as CurrencyCode;
const tables = readDocTables(new URL('./monitoring.md', import.meta.url));
const classes = table(tables, 'country-risk-classes').rows;
const expected = table(tables, 'country-risk-alerts').rows;
const parsed = parseAlertPolicy({ id: 'country' });
if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
const policy = parsed.value;
const file = {
  file: 'classes.csv',
  rows: classes.map((r, i) => ({
    row: i + 2,
    values: {
      country: cell(r, 'country'),
      class: cell(r, 'class'),
      valid_from: cell(r, 'valid_from'),
      source: cell(r, 'source'),
    },
  })),
};

for (const target of targets()) {
  describe(`docs/domain/monitoring.md, country risk, on ${target.name}`, () => {
    const h = useTarget(target);

    it('alerts a worsening against the class at the start of the window, and clears once it is older', async () => {
      const { store, reset } = h();
      await reset();
      expect(DEFAULT_ALERT_RULES.country_risk_worsened.enabled).toBe(true);
      await store.transact((tx) =>
        tx.upsertBuyers(
          [...new Map(expected.map((r) => [cell(r, 'buyer'), cell(r, 'country')]))].map(([id, country]) => ({
            id,
            name: `Buyer ${id}`,
            country,
            currency: EUR,
            paymentTermsDays: 30,
          })),
        ),
      );
      const imported = await importCountryRisk(store, file);
      expect(imported.ok && imported.value).toEqual({ rows: classes.length, written: classes.length, unchanged: 0 });
      const again = await importCountryRisk(store, file);
      expect(again.ok && again.value).toEqual({ rows: classes.length, written: 0, unchanged: classes.length });

      for (const asOf of [...new Set(expected.map((r) => cell(r, 'as of')))]) {
        const run = await runAlerts(store, { asOf: date(asOf), policy, baseCurrency: EUR });
        if (!run.ok) throw new Error(JSON.stringify(run.error));
        const open = run.value.alerts.filter((a) => a.state === 'open');
        const rows = expected.filter((r) => cell(r, 'as of') === asOf && cell(r, 'key') !== '');
        expect(open.map((a) => a.key).sort(), asOf).toEqual(rows.map((r) => cell(r, 'key')).sort());
        for (const r of rows) {
          const a = open.find((x) => x.key === cell(r, 'key'));
          const [name, value] = cell(r, 'figure').split('=') as [string, string];
          expect(String(a?.figures[name])).toBe(value);
          expect(String(a?.figures.from)).toBe(cell(r, 'class then'));
        }
      }
      const tr = await store.alerts({ keys: ['country_risk_worsened:CTR'] });
      expect(tr.map((a) => [a.state, a.resolution])).toEqual([['resolved', 'cleared']]);
    });

    it('rejects a file with a bad row and writes nothing of it; set records one class', async () => {
      const { store, reset } = h();
      await reset();
      const bad = await importCountryRisk(store, {
        file: 'bad.csv',
        rows: [
          { row: 2, values: { country: 'TR', class: '4', valid_from: '2026-01-01', source: 'OECD' } },
          { row: 3, values: { country: 'TR', class: '9', valid_from: '2026-02-01', source: 'OECD' } },
          { row: 4, values: { country: 'CN', class: '3', valid_from: '2026-02-30', source: 'OECD' } },
          { row: 5, values: { country: 'TR', class: '5', valid_from: '2026-01-01', source: 'OECD' } },
        ],
      });
      expect(bad.ok).toBe(false);
      if (bad.ok) return;
      expect(bad.error.errors.map((e) => [e.row, e.column, e.code])).toEqual([
        [3, 'class', 'invalid_field'],
        [4, 'valid_from', 'invalid_date'],
        [5, 'class', 'invalid_field'],
      ]);
      expect(await store.countryRisks(date('2026-06-30'), date('2026-01-01'))).toEqual([]);
      await store.transact((tx) =>
        tx.upsertBuyers([{ id: 'B', name: 'B', country: 'TR', currency: EUR, paymentTermsDays: 30 }]),
      );
      const set = await setCountryRisk(store, {
        country: 'tr',
        riskClass: '4',
        validFrom: '2026-01-01',
        source: 'OECD',
      });
      expect(set.ok && set.value.written).toBe(1);
      const replaced = await setCountryRisk(store, {
        country: 'TR',
        riskClass: '5',
        validFrom: '2026-01-01',
        source: 'OECD',
      });
      expect(replaced.ok && replaced.value.written).toBe(1);
      expect(await store.countryRisks(date('2026-06-30'), date('2026-01-01'))).toEqual([
        { country: 'TR', value: 5, previous: 5 },
      ]);
    });
  });
}
