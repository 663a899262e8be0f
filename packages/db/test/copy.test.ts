import { describe, expect, it } from 'vitest';
import { csvParts } from '../src/engine/csv';
import { targets, useTarget } from './harness';

const COLUMNS = [
  'number',
  'buyer_id',
  'type',
  'issue_date',
  'due_date',
  'delivery_date',
  'order_ref',
  'amount',
  'currency',
  'idempotency_key',
  'content_hash',
];

for (const target of targets()) {
  describe(`COPY on ${target.name}`, () => {
    const h = useTarget(target);

    it('takes CSV as one string or as parts, with quotes, commas, newlines, NULL and empty strings', async () => {
      const { engine, store, reset } = h();
      await reset();
      const whole = 'S-1,B1,invoice,2024-02-29,2024-03-30,,"",9223372036854775807,EUR,k1,h1\n';
      const rows = [
        ['P-1', 'B1', 'invoice', '2024-01-01', '2024-01-31', undefined, 'a,"b"\nc', 1n, 'EUR', 'k2', 'h2'],
        ['P-2', 'B1', 'credit_note', '2024-01-01', '2024-01-31', '2024-01-02', '\\.', 2n, 'JPY', 'k3', 'h3'],
      ] as const;
      await engine.transact(async (conn) => {
        await conn.copy('documents', COLUMNS, whole);
        await conn.copy(
          'documents',
          COLUMNS,
          csvParts(rows, (r) => r, 1),
        );
        await conn.copy(
          'documents',
          COLUMNS,
          csvParts([], (r: readonly string[]) => r),
        );
      });
      const found = await store.findDocuments(['S-1', 'P-1', 'P-2']);
      const byNumber = new Map(found.map((d) => [d.number, d]));
      expect(byNumber.get('S-1')).toMatchObject({
        amount: 9223372036854775807n,
        orderRef: '',
        issueDate: '2024-02-29',
      });
      expect(byNumber.get('S-1')).not.toHaveProperty('deliveryDate');
      expect(byNumber.get('P-1')).toMatchObject({ orderRef: 'a,"b"\nc', amount: 1n });
      expect(byNumber.get('P-1')).not.toHaveProperty('deliveryDate');
      expect(byNumber.get('P-2')).toMatchObject({ type: 'credit_note', orderRef: '\\.', deliveryDate: '2024-01-02' });
    });
  });
}
