import { describe, expect, it } from 'vitest';
import { migrations } from '../src/migrations';
import { targets, useTarget } from './harness';

describe.each(targets())('store info on $name', (target) => {
  const h = useTarget(target);

  it('names its engine and the last migration applied', async () => {
    const names = Object.keys(await migrations.getMigrations()).sort();
    expect(await h().store.info()).toEqual({ kind: target.name, migration: names.at(-1) });
  });
});
