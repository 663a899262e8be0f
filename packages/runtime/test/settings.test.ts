import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  COMPANY_EXAMPLE,
  clockFromEnv,
  DEFAULT_MODEL,
  findCompany,
  loadPolicies,
  operatorFrom,
  RuntimeError,
  readCompany,
  readCountryRisk,
  readGraceDays,
  readGradingPolicy,
  readModelFile,
  systemClock,
  waitSecondsFrom,
} from '../src';

const dir = mkdtempSync(join(tmpdir(), 'credence-runtime-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

/** The kind of RuntimeError `work` throws (or 'none'). */
async function kindOf(work: () => unknown): Promise<string> {
  try {
    await work();
    return 'none';
  } catch (e) {
    if (e instanceof RuntimeError) return e.kind;
    throw e;
  }
}

describe('settings from the environment', () => {
  it('who records: the name given, else CREDENCE_OPERATOR, else the OS user', () => {
    expect(operatorFrom(' anna ', { CREDENCE_OPERATOR: 'ben' })).toBe('anna');
    expect(operatorFrom(undefined, { CREDENCE_OPERATOR: 'ben' })).toBe('ben');
    expect(operatorFrom(undefined, { CREDENCE_OPERATOR: '  ' })).not.toBe('');
    expect(operatorFrom(undefined, { CREDENCE_USER: 'carla', CREDENCE_OPERATOR: 'ben' })).toBe('carla');
    expect(operatorFrom(undefined, { CREDENCE_USER: ' ', CREDENCE_OPERATOR: 'ben' })).toBe('ben');
  });

  it('seconds to wait: given, else CREDENCE_DB_WAIT, else 0; a malformed value is a usage error', async () => {
    expect(waitSecondsFrom(3, { CREDENCE_DB_WAIT: '9' })).toBe(3);
    expect(waitSecondsFrom(undefined, { CREDENCE_DB_WAIT: '1.5' })).toBe(1.5);
    expect(waitSecondsFrom(undefined, {})).toBe(0);
    expect(await kindOf(() => waitSecondsFrom(undefined, { CREDENCE_DB_WAIT: 'soon' }))).toBe('usage');
  });
});

describe('the clock', () => {
  it("tells today in the creditor's time zone: 25 hours apart, Kiritimati and Pago Pago never share a date", () => {
    const east = systemClock({ timeZone: 'Pacific/Kiritimati' }).today();
    const west = systemClock({ timeZone: 'Pacific/Pago_Pago' }).today();
    expect(east > west).toBe(true);
  });

  it('is pinned by CREDENCE_TODAY, read at each call', () => {
    const env: Record<string, string | undefined> = { CREDENCE_TODAY: '2026-03-31' };
    const clock = clockFromEnv(env);
    expect(clock.today()).toBe('2026-03-31');
    env.CREDENCE_TODAY = '2026-04-01';
    expect(clock.today()).toBe('2026-04-01');
    expect(systemClock({ today: '2025-01-02' }).today()).toBe('2025-01-02');
  });
});

describe('company settings', () => {
  it('reads the named file; none there is missing, an invalid one a usage error naming the problems', async () => {
    expect((await readCompany(COMPANY_EXAMPLE, {})).name).not.toBe('');
    expect((await readCompany(undefined, { CREDENCE_COMPANY: COMPANY_EXAMPLE })).language).toBeDefined();
    expect(await kindOf(() => readCompany(join(dir, 'none.json'), {}))).toBe('missing');
    const bad = file('bad-company.json', '{"name": "Acme"}');
    await expect(readCompany(bad, {})).rejects.toThrow(/address: a list of address lines/);
    expect(await kindOf(() => readCompany(bad, {}))).toBe('usage');
  });

  it('finds none when none is named and there is no ./company.json: grace days are then the defaults', async () => {
    expect(await findCompany(undefined, {})).toBeUndefined();
    expect(await readGraceDays(undefined, {})).toEqual({ promiseGraceDays: 3, planGraceDays: 5 });
    expect(await kindOf(() => findCompany(undefined, { CREDENCE_COMPANY: join(dir, 'none.json') }))).toBe('missing');
  });
});

describe('policies', () => {
  it('loads every shipped policy, the model and the country table', async () => {
    const p = await loadPolicies();
    expect(p.grading.model.format).toBe('credence-gbdt/1');
    expect([p.grading.countries.get('DEU'), p.grading.countries.get('AFG')]).toEqual(['unclassified', 7]);
    expect(p.dunning.levels.length).toBeGreaterThan(0);
    expect(await readModelFile(DEFAULT_MODEL)).toMatchObject({ format: 'credence-gbdt/1' });
  });

  it('refuses a file that is not there, not JSON or not a policy, naming it (usage)', async () => {
    await expect(readGradingPolicy(join(dir, 'nope.json'))).rejects.toThrow(
      /cannot read the grading policy .*nope\.json/,
    );
    expect(await kindOf(() => readGradingPolicy(file('grading.json', '{"tiers": 3}')))).toBe('usage');
    expect(await kindOf(() => readModelFile(file('model.json', '{"format": "other"}')))).toBe('usage');
    expect(await kindOf(() => readModelFile(file('model.txt', 'not json')))).toBe('usage');
    expect(await kindOf(() => readCountryRisk(join(dir, 'none.csv')))).toBe('usage');
    await expect(readCountryRisk(file('risk.csv', 'iso3,current_classification\nXXQ,9\n'))).rejects.toThrow(/bad/);
  });
});
