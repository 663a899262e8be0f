import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpCourier } from './smtp-courier';
import { letter, PDF } from './test-email';
import { bodyBytes, decodeWords, header, leafParts, splitPart } from './test-mime';
import { closedPort, silentServer, startSmtpServer, type TestSmtpServer } from './test-smtp-server';

let server: TestSmtpServer;
beforeAll(async () => {
  server = await startSmtpServer({ refuse: { 'gone@buyer.example': 550, 'busy@buyer.example': 450 } });
});
afterAll(() => server.close());

const local = (port: number) => ({
  host: '127.0.0.1',
  port,
  secure: false,
  connectionTimeout: 1000,
  greetingTimeout: 500,
});

describe('smtpCourier', () => {
  it('delivers text, html and the PDF intact, under the deterministic Message-ID and a Chinese subject', async () => {
    const courier = smtpCourier(local(server.port));
    const outcome = await courier.deliver(letter());
    await courier.close();
    expect(outcome).toMatchObject({ status: 'sent', channel: 'smtp', detail: expect.stringMatching(/^250 /) });
    const raw = server.received.at(-1) ?? '';
    const { headers } = splitPart(raw);
    expect(header(headers, 'Message-ID')).toBe('<L-2026-11-23-B001-friendly@credence.local>');
    expect(decodeWords(header(headers, 'Subject') ?? '')).toBe('付款提醒 – Zahlungserinnerung Rechnung I-1001');
    expect(header(headers, 'Subject')).toMatch(/^=\?UTF-8\?[BQ]\?/i);
    expect(header(headers, 'From')).toBe('Acme Trading GmbH <credit@acme.example>');
    expect(header(headers, 'To')).toBe('Buyer Accounts <ap@buyer.example>');
    expect(header(headers, 'Reply-To')).toBe('credit@acme.example');

    const parts = leafParts(raw);
    expect(parts.map((p) => header(p.headers, 'Content-Type')?.split(';')[0])).toEqual([
      'text/plain',
      'text/html',
      'application/pdf',
    ]);
    const [text, html, pdf] = parts.map(bodyBytes);
    // SMTP carries lines ending in CRLF
    expect(text?.toString('utf8')).toBe(letter().text.replace(/\n/g, '\r\n'));
    expect(html?.toString('utf8')).toBe(letter().html);
    expect(pdf?.equals(PDF)).toBe(true);
    expect(header(parts[2]?.headers ?? '', 'Content-Disposition')).toContain('filename=Mahnung-I-1001.pdf');
  });

  it('sends the same Message-ID again for a resend of the same letter', async () => {
    const courier = smtpCourier(local(server.port));
    await courier.deliver(letter());
    await courier.deliver(letter());
    await courier.close();
    const ids = server.received.slice(-2).map((raw) => header(splitPart(raw).headers, 'Message-ID'));
    expect(ids).toEqual(['<L-2026-11-23-B001-friendly@credence.local>', '<L-2026-11-23-B001-friendly@credence.local>']);
  });

  it('reports a recipient refused with 550 as a permanent failure carrying the reply', async () => {
    const before = server.received.length;
    const outcome = await smtpCourier(local(server.port)).deliver(letter({ to: 'gone@buyer.example' }));
    expect(outcome).toMatchObject({ status: 'failed', channel: 'smtp', permanent: true });
    expect(outcome.detail).toMatch(/550 .*gone@buyer\.example refused/);
    expect(server.received.length).toBe(before);
  });

  it('reports a recipient deferred with 450 as a failure worth retrying', async () => {
    const outcome = await smtpCourier(local(server.port)).deliver(letter({ to: 'busy@buyer.example' }));
    expect(outcome).toMatchObject({ status: 'failed', permanent: false, detail: expect.stringContaining('450 ') });
  });

  it('names the refused address when another recipient took the letter', async () => {
    const outcome = await smtpCourier(local(server.port)).deliver(
      letter({ to: 'ap@buyer.example, gone@buyer.example' }),
    );
    expect(outcome).toMatchObject({ status: 'sent', detail: expect.stringMatching(/^250 .*rejected: gone@buyer/) });
  });

  it('fails a letter without a recipient address permanently', async () => {
    const outcome = await smtpCourier(local(server.port)).deliver(letter({ to: 'not an address' }));
    expect(outcome).toMatchObject({
      status: 'failed',
      permanent: true,
      detail: expect.stringContaining('No recipients'),
    });
  });

  it('fails fast and retryably when nothing listens on the port', async () => {
    const started = Date.now();
    const outcome = await smtpCourier(local(await closedPort())).deliver(letter());
    expect(outcome).toMatchObject({ status: 'failed', channel: 'smtp', permanent: false });
    expect(outcome.detail).toContain('ECONNREFUSED');
    expect(Date.now() - started).toBeLessThan(3000);
  }, 5000);

  it('gives up retryably on a server that never greets, after the greeting timeout', async () => {
    const mute = await silentServer();
    const started = Date.now();
    const outcome = await smtpCourier(local(mute.port)).deliver(letter());
    await mute.close();
    expect(outcome).toMatchObject({ status: 'failed', permanent: false, detail: expect.stringContaining('ETIMEDOUT') });
    expect(Date.now() - started).toBeLessThan(3000);
  }, 5000);

  it('keeps a refused login retryable: the configuration is wrong, not the letter', async () => {
    const guarded = await startSmtpServer({
      onAuth: (auth, _session, callback) =>
        auth.username === 'credit' && auth.password === 'right'
          ? callback(null, { user: auth.username })
          : callback(new Error('Invalid username or password')),
    });
    const wrong = await smtpCourier({ ...local(guarded.port), auth: { user: 'credit', pass: 'wrong' } }).deliver(
      letter(),
    );
    const right = await smtpCourier({ ...local(guarded.port), auth: { user: 'credit', pass: 'right' } }).deliver(
      letter(),
    );
    await guarded.close();
    expect(wrong).toMatchObject({ status: 'failed', permanent: false, detail: expect.stringMatching(/^EAUTH: .*535/) });
    expect(right).toMatchObject({ status: 'sent' });
  });
});
