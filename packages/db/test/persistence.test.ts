import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/index';
import { BEYOND_DOUBLE, invoice } from './fixtures';

describe('embedded store in a directory', () => {
  let root: string | undefined;
  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('creates missing parent directories and keeps the ledger across reopening', async () => {
    root = await mkdtemp(join(tmpdir(), 'credence-db-'));
    const dir = join(root, 'data', 'credence');
    const first = await openStore({ dir });
    await first.transact((tx) => tx.insertDocuments([invoice('D-1', { amount: BEYOND_DOUBLE })]));
    await first.close();

    const again = await openStore({ dir });
    try {
      expect((await again.findDocuments(['D-1']))[0]?.amount).toBe(BEYOND_DOUBLE);
      expect((await again.counts()).documents).toBe(1);
    } finally {
      await again.close();
    }
  });
});
