import { readdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { testDir } from '../files/test-dir';
import { courierFromEnv } from './courier-from-env';
import { letter } from './test-email';
import { startSmtpServer } from './test-smtp-server';

const tmp = testDir('courier-env');
afterAll(() => tmp.cleanup());

describe('courierFromEnv', () => {
  it('writes to the outbox directory when SMTP is not configured', async () => {
    const courier = courierFromEnv({ HOME: '/home/credit' }, tmp.path('outbox'));
    expect(courier.kind).toBe('outbox');
    expect(await courier.deliver(letter())).toMatchObject({ status: 'written' });
    expect(readdirSync(tmp.path('outbox'))).toHaveLength(1);
  });

  it('sends over SMTP with the user and password of CREDENCE_SMTP_URL', async () => {
    const logins: string[] = [];
    const server = await startSmtpServer({
      onAuth: (auth, _session, callback) => {
        logins.push(`${auth.username}/${auth.password}`);
        callback(null, { user: auth.username });
      },
    });
    const courier = courierFromEnv(
      { CREDENCE_SMTP_URL: `smtp://credit%40acme.example:p%40ss@127.0.0.1:${server.port}` },
      tmp.path('unused'),
    );
    const outcome = await courier.deliver(letter());
    await courier.close();
    await server.close();
    expect(courier.kind).toBe('smtp');
    expect(outcome).toMatchObject({ status: 'sent', channel: 'smtp' });
    expect(logins).toEqual(['credit@acme.example/p@ss']);
    expect(server.received).toHaveLength(1);
  });

  it('speaks implicit TLS for smtps, and accepts a self-signed certificate only when told to', async () => {
    const server = await startSmtpServer({ secure: true });
    const url = `smtps://127.0.0.1:${server.port}`;
    const strict = await courierFromEnv({ CREDENCE_SMTP_URL: url }, tmp.path('unused')).deliver(letter());
    const lenient = await courierFromEnv(
      { CREDENCE_SMTP_URL: url, CREDENCE_SMTP_TLS_REJECT_UNAUTHORIZED: 'false' },
      tmp.path('unused'),
    ).deliver(letter());
    await server.close();
    expect(strict).toMatchObject({ status: 'failed', permanent: false, detail: expect.stringMatching(/certificate/i) });
    expect(lenient).toMatchObject({ status: 'sent' });
    expect(server.received).toHaveLength(1);
  });

  it('sends over SMTP to CREDENCE_SMTP_HOST and CREDENCE_SMTP_PORT', async () => {
    const server = await startSmtpServer();
    const env = { CREDENCE_SMTP_HOST: '127.0.0.1', CREDENCE_SMTP_PORT: String(server.port) };
    const outcome = await courierFromEnv(env, tmp.path('unused')).deliver(letter());
    await server.close();
    expect(outcome).toMatchObject({ status: 'sent' });
    expect(server.received).toHaveLength(1);
  });

  it('rejects a malformed setting at once, naming the variable', () => {
    expect(() => courierFromEnv({ CREDENCE_SMTP_HOST: 'mx', CREDENCE_SMTP_PORT: 'abc' }, 'out')).toThrow(
      /CREDENCE_SMTP_PORT/,
    );
    expect(() => courierFromEnv({ CREDENCE_SMTP_URL: 'smtp//mx' }, 'out')).toThrow(/CREDENCE_SMTP_URL/);
  });
});
