import { authenticate, hashToken, newToken } from '@credence/app';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { storeOn } from '../src/store';
import { EUR, invoice } from './fixtures';
import { targets, useTarget } from './harness';

const AT = new Date('2026-06-30T09:15:00.000Z');

for (const target of targets()) {
  describe(`users, tokens and actors on ${target.name}`, () => {
    const h = useTarget(target);

    it('authenticates a live token, and nothing once the user is revoked', async () => {
      const store = storeOn(h().engine, { by: 'root', now: () => AT });
      const { id, token } = newToken();
      await store.transact(async (tx) => {
        await tx.insertUser({ name: 'erp-bot', role: 'erp' });
        await tx.insertToken({ id, user: 'erp-bot', hash: hashToken(token) });
      });
      expect(await authenticate(store, token)).toEqual({ user: 'erp-bot', role: 'erp', tokenId: id });
      expect(await authenticate(store, `${token.slice(0, -1)}x`)).toBeUndefined();
      expect(await authenticate(store, 'Bearer nonsense')).toBeUndefined();
      expect(await store.findUser('erp-bot')).toEqual({ name: 'erp-bot', role: 'erp', createdAt: AT });
      // Only the hash is stored.
      const { rows } = await sql<{ hash: string }>`select hash from api_tokens`.execute(h().engine.db);
      expect(rows).toEqual([{ hash: hashToken(token) }]);
      expect(rows[0]?.hash).not.toContain(token.slice(3));

      const revoked = await store.transact((tx) => tx.revokeUser('erp-bot'));
      expect(revoked).toEqual({ tokens: 1 });
      expect(await authenticate(store, token)).toBeUndefined();
      expect(await store.listUsers()).toEqual([{ name: 'erp-bot', role: 'erp', createdAt: AT, revokedAt: AT }]);
    });

    it('lets a user and a token only be revoked: no other update, no delete', async () => {
      const db = h().engine.db;
      await expect(sql`update users set role = 'admin'`.execute(db)).rejects.toThrow(/append-only/);
      await expect(sql`update api_tokens set hash = 'x'`.execute(db)).rejects.toThrow(/append-only/);
      await expect(sql`delete from api_tokens`.execute(db)).rejects.toThrow(/append-only/);
      await expect(sql`delete from users`.execute(db)).rejects.toThrow(/append-only/);
    });

    it("remembers a user's language, changed in place, and refuses one the workspace does not have", async () => {
      const store = storeOn(h().engine, { by: 'root', now: () => AT });
      await store.transact((tx) => tx.insertUser({ name: 'anna', role: 'collector' }));
      expect(await store.userLanguage('anna')).toBeUndefined();
      await store.transact((tx) => tx.setUserLanguage('anna', 'zh-TW'));
      await store.transact((tx) => tx.setUserLanguage('anna', 'zh-CN'));
      expect(await store.userLanguage('anna')).toBe('zh-CN');
      const db = h().engine.db;
      await expect(sql`update user_preferences set language = 'fr'`.execute(db)).rejects.toThrow();
      await expect(store.transact((tx) => tx.setUserLanguage('nobody', 'en'))).rejects.toThrow();
    });

    it('refuses a role outside the five', async () => {
      await expect(
        sql`insert into users (name, role, created_at) values ('x', 'root', now())`.execute(h().engine.db),
      ).rejects.toThrow();
    });

    it('records writes through withActor for the actor, on the same engine; closing the view keeps it open', async () => {
      const store = storeOn(h().engine, { by: 'root', now: () => AT });
      const view = store.withActor({ by: 'erp-bot', channel: 'api', tokenId: 'tok_1' });
      await view.transact(async (tx) => {
        await tx.upsertBuyers([{ id: 'B1', name: 'Acme', country: 'DE', currency: EUR, paymentTermsDays: 30 }]);
        await tx.insertDocuments([invoice('I-1')]);
      });
      await view.close();
      expect((await store.findDocuments(['I-1']))[0]?.recorded).toEqual({ recordedBy: 'erp-bot', recordedAt: AT });
      // An upload: the file's name on the rows, one import row in the trail.
      const upload = store.withActor({ by: 'erp-bot', channel: 'api', tokenId: 'tok_1', source: 'upload.csv' });
      await upload.transact((tx) => tx.insertDocuments([invoice('I-2')]));
      expect((await store.findDocuments(['I-2']))[0]?.recorded).toEqual({
        recordedBy: 'erp-bot',
        recordedAt: AT,
        source: 'upload.csv',
      });
      expect(await store.auditEntries({ entityKind: 'import' })).toMatchObject([
        {
          entityId: 'upload.csv',
          actor: 'erp-bot',
          channel: 'api',
          tokenId: 'tok_1',
          details: { counts: { document: 1 } },
        },
      ]);
    });
  });
}
