import { deliverOutbox } from '@credence/app';
import { parseMoney } from '@credence/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, openTestServer, type TestServer } from './fixture';

interface MoneyJson {
  amount: string;
  currency: string;
}
interface Summary {
  letterId: string;
  buyerId: string;
  buyerName: string;
  level: string;
  email?: string;
  address: string[];
  totals: MoneyJson[];
}
interface Run {
  actions: (Summary & { outbox: { kind: string; recipient?: string }[] })[];
  byLevel: { level: string; letters: number; totals: MoneyJson[] }[];
  firstRun?: { held: { buyerId: string; level: string }[] };
}
interface RunLetters {
  letters: (Summary & { deliveries: { id: string; kind: string; status: string; failure?: { detail: string } }[] })[];
  byLevel: Run['byLevel'];
  deliveries: Record<string, number>;
}

const minor = (m: MoneyJson) => {
  const p = parseMoney(m.amount, m.currency);
  if (!p.ok) throw new Error(`not money: ${JSON.stringify(m)}`);
  return p.value.amount;
};

/** Sums of the letters' totals per level and currency, in minor units. */
function sums(letters: readonly Summary[]): Map<string, bigint> {
  const by = new Map<string, bigint>();
  for (const l of letters)
    for (const t of l.totals) by.set(`${l.level} ${t.currency}`, (by.get(`${l.level} ${t.currency}`) ?? 0n) + minor(t));
  return by;
}
const levelSums = (byLevel: Run['byLevel']) =>
  new Map(byLevel.flatMap((l) => l.totals.map((t) => [`${l.level} ${t.currency}`, minor(t)] as const)));

describe('the dunning page’s API: who each letter goes to, totals by level, the run’s deliveries', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await openTestServer();
  }, 120_000);
  afterAll(() => s?.close());

  it('a dry run names each letter’s buyer, address, totals and outbox; byLevel adds the totals up', async () => {
    const held = (await (await s.call('collector', 'POST', '/api/v1/dunning-runs', { dryRun: true })).json()) as Run;
    const dry = (await (
      await s.call('collector', 'POST', '/api/v1/dunning-runs', { dryRun: true, confirm: true })
    ).json()) as Run;
    expect(dry.actions.length).toBeGreaterThan(0);
    // A first run: held letters (if any) are not among the actions unless confirmed.
    expect(held.firstRun).toBeDefined();
    expect(held.actions.length + (held.firstRun?.held.length ?? 0)).toBe(dry.actions.length);
    for (const a of dry.actions) {
      const buyer = await s.store.getBuyer(a.buyerId);
      expect(a.buyerName).toBe(buyer?.name);
      expect(a.email).toBe(buyer?.email);
      expect(a.totals.length).toBeGreaterThan(0);
      expect(a.outbox.map((o) => o.kind)).toContain(a.email === undefined ? 'print' : 'email');
    }
    expect(levelSums(dry.byLevel)).toEqual(sums(dry.actions));
    expect(dry.byLevel.reduce((n, l) => n + l.letters, 0)).toBe(dry.actions.length);
  });

  it('GET /dunning-runs/{asOf}: nothing before the run; then its letters, pending, sent or failed with why', async () => {
    const day = `/api/v1/dunning-runs/${fixedClock.today()}`;
    const before = (await (await s.call('collector', 'GET', day)).json()) as RunLetters;
    expect(before.letters).toEqual([]);
    const run = (await (
      await s.call('credit_manager', 'POST', '/api/v1/dunning-runs', { confirm: true })
    ).json()) as Run;
    const after = (await (await s.call('collector', 'GET', day)).json()) as RunLetters;
    expect(after.letters.map((l) => l.letterId).sort()).toEqual(run.actions.map((a) => a.letterId).sort());
    expect(levelSums(after.byLevel)).toEqual(sums(run.actions));
    const entries = after.letters.flatMap((l) => l.deliveries);
    expect(after.deliveries).toEqual({ pending: entries.length, sending: 0, sent: 0, written: 0, failed: 0 });
    // One entry refused, the others sent.
    const refused = entries[0]?.id;
    await deliverOutbox(
      s.store,
      async (e) =>
        e.id === refused
          ? { status: 'failed', channel: 'smtp', detail: '550 mailbox unavailable' }
          : { status: 'sent', channel: 'smtp', detail: 'ok' },
      fixedClock.today(),
      { runDate: fixedClock.today() },
    );
    const sent = (await (await s.call('collector', 'GET', day)).json()) as RunLetters;
    expect(sent.deliveries).toEqual({ pending: 0, sending: 0, sent: entries.length - 1, written: 0, failed: 1 });
    const failed = sent.letters.flatMap((l) => l.deliveries).find((d) => d.id === refused);
    expect(failed).toMatchObject({ status: 'failed', failure: { detail: '550 mailbox unavailable' } });
    expect(sent.letters.flatMap((l) => l.deliveries).filter((d) => d.failure !== undefined)).toHaveLength(1);
  });

  it('sales may not read a run', async () => {
    expect((await s.call('sales', 'GET', `/api/v1/dunning-runs/${fixedClock.today()}`)).status).toBe(403);
  });
});
