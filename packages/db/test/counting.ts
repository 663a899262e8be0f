import type { KyselyPlugin } from 'kysely';
import type { Engine } from '../src/engine/types';
import { storeOn } from '../src/store';
import { EUR } from './fixtures';
import type { Harness } from './harness';

/** The engine with every statement counted (reads outside and inside transactions). */
export function counting(engine: Engine): { engine: Engine; count: () => number } {
  let n = 0;
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      n++;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  const counted: Engine = {
    kind: engine.kind,
    db: engine.db.withPlugin(plugin),
    transact: (work) => engine.transact((conn) => work({ ...conn, db: conn.db.withPlugin(plugin), copy: conn.copy })),
    close: () => engine.close(),
  };
  return { engine: counted, count: () => n };
}

/** A fresh database with `n` buyers B000, B001 … (DE, EUR, 30 days): the store on it, its engine and the ids. */
export async function withBuyers(h: () => Harness, n: number) {
  const { reset, engine } = h();
  await reset();
  const store = storeOn(engine, undefined, false);
  const ids = Array.from({ length: n }, (_, i) => `B${String(i).padStart(3, '0')}`);
  await store.transact((tx) =>
    tx.upsertBuyers(ids.map((id) => ({ id, name: id, country: 'DE', currency: EUR, paymentTermsDays: 30 }))),
  );
  return { engine, store, ids };
}
