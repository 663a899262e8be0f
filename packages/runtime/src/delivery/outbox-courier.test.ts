import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testDir } from '../files/test-dir';
import { emlFileName } from './eml-file-name';
import { outboxCourier } from './outbox-courier';
import { letter, PDF } from './test-email';
import { bodyBytes, decodeWords, header, leafParts, splitPart } from './test-mime';

const tmp = testDir('outbox');
// "@" is not a portable file-name character: the name carries a hash of the Message-ID
const FIRST = emlFileName('<L-2026-11-23-B001-friendly@credence.local>');
const SECOND = emlFileName('<L-2026-11-23-B002-firm@credence.local>');
afterAll(() => tmp.cleanup());

describe('outboxCourier', () => {
  it('writes one RFC 822 .eml per letter, named after the Message-ID, with subject, parts and PDF', async () => {
    const dir = tmp.path('one');
    const courier = outboxCourier(dir);
    const first = await courier.deliver(letter());
    const second = await courier.deliver(letter({ messageId: '<L-2026-11-23-B002-firm@credence.local>' }));
    await courier.close();
    const path = join(dir, FIRST);
    expect(first).toEqual({ status: 'written', channel: 'outbox', detail: path });
    expect(second).toMatchObject({ status: 'written', detail: join(dir, SECOND) });
    expect(readdirSync(dir).sort()).toEqual([FIRST, SECOND]);

    const raw = readFileSync(path, 'latin1');
    expect(raw).toContain('\r\n');
    expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const { headers } = splitPart(raw);
    expect(header(headers, 'Message-ID')).toBe('<L-2026-11-23-B001-friendly@credence.local>');
    expect(decodeWords(header(headers, 'Subject') ?? '')).toBe('付款提醒 – Zahlungserinnerung Rechnung I-1001');
    expect(header(headers, 'To')).toBe('Buyer Accounts <ap@buyer.example>');
    const pdf = leafParts(raw).find((p) => header(p.headers, 'Content-Type')?.startsWith('application/pdf'));
    expect(header(pdf?.headers ?? '', 'Content-Disposition')).toContain('filename=Mahnung-I-1001.pdf');
    expect(pdf && bodyBytes(pdf).equals(PDF)).toBe(true);
  });

  it('is idempotent: the same letter again leaves the first file as it was, and no temporary file behind', async () => {
    const dir = tmp.path('again');
    const courier = outboxCourier(dir);
    const first = await courier.deliver(letter());
    const bytes = readFileSync(first.detail);
    const again = await outboxCourier(dir).deliver(letter({ text: 'changed after the crash' }));
    expect(again).toEqual(first);
    expect(readdirSync(dir)).toEqual([FIRST]);
    expect(readFileSync(first.detail).equals(bytes)).toBe(true);
  });

  it('refuses a letter without a recipient address for good instead of writing one without a To', async () => {
    const dir = tmp.path('no-to');
    const outcome = await outboxCourier(dir).deliver(letter({ to: 'not an address' }));
    expect(outcome).toMatchObject({ status: 'failed', channel: 'outbox', permanent: true });
    expect(outcome.detail).toContain('not an address');
    expect(() => statSync(dir)).toThrow();
  });

  it('reports a directory it can not create as a retryable failure', async () => {
    const file = tmp.path('not-a-dir');
    writeFileSync(file, '');
    const outcome = await outboxCourier(join(file, 'outbox')).deliver(letter());
    expect(outcome).toMatchObject({ status: 'failed', channel: 'outbox', permanent: false });
    expect(outcome.detail).toMatch(/ENOTDIR|EEXIST/);
  });

  it('does not mistake the temporary file a crash left behind for the letter', async () => {
    const dir = tmp.path('crashed');
    mkdirSync(dir);
    const name = FIRST;
    writeFileSync(join(dir, `.${name}.0000.tmp`), 'From: half a mess');
    const outcome = await outboxCourier(dir).deliver(letter());
    expect(outcome).toMatchObject({ status: 'written', detail: join(dir, name) });
    expect(readFileSync(join(dir, name), 'latin1')).toContain(
      'Message-ID: <L-2026-11-23-B001-friendly@credence.local>',
    );
  });
});

describe('emlFileName', () => {
  it('names the file after the Message-ID through safeFileName: portable, unique, bounded', () => {
    expect(FIRST).toMatch(/^L-2026-11-23-B001-friendly_credence\.local-[0-9a-f]{12}\.eml$/);
    const slash = emlFileName('<../a/b@x>');
    const underscore = emlFileName('<.._a_b@x>');
    expect(slash).toMatch(/^[A-Za-z0-9_][A-Za-z0-9._-]+\.eml$/);
    expect(slash).not.toContain('..');
    expect(slash).not.toBe(underscore);
    expect(emlFileName('<>')).toMatch(/^_-[0-9a-f]{12}\.eml$/);
    expect(emlFileName(`<${'x'.repeat(500)}@credence.local>`).length).toBeLessThanOrEqual(120);
  });
});
