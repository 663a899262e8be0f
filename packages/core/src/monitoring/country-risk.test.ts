import { describe, expect, it } from 'vitest';
import { parseCountryRiskClass } from './country-risk';

const row = (o: Partial<Record<'country' | 'riskClass' | 'validFrom' | 'source', string>>) => ({
  country: 'cn',
  riskClass: '3',
  validFrom: '2026-01-01',
  source: 'OECD',
  ...o,
});

describe('parseCountryRiskClass', () => {
  it('upper-cases the country and reads the class and date', () => {
    const r = parseCountryRiskClass(row({}));
    expect(r.ok && r.value).toEqual({ country: 'CN', riskClass: 3, validFrom: '2026-01-01', source: 'OECD' });
  });
  it.each([
    [{ country: 'C1' }, 'invalid_field', 'country'],
    [{ riskClass: '8' }, 'invalid_field', 'class'],
    [{ riskClass: '2.5' }, 'invalid_field', 'class'],
    [{ validFrom: '2026-02-30' }, 'invalid_date', 'valid_from'],
    [{ source: ' ' }, 'missing_field', 'source'],
  ])('refuses %o', (o, code, field) => {
    const r = parseCountryRiskClass(row(o));
    expect(r.ok ? undefined : [r.error.code, r.error.params.field]).toEqual([code, field]);
  });
});
