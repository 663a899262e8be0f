import type { KyselyPlugin } from 'kysely';
import type { Engine } from '../src/engine/types';

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
