import { describe, expect, it } from 'vitest';
import { smtpConfigFromEnv } from './smtp-env';

describe('smtpConfigFromEnv', () => {
  it('is undefined without SMTP settings, empty values counting as unset', () => {
    expect(smtpConfigFromEnv({})).toBeUndefined();
    expect(smtpConfigFromEnv({ CREDENCE_SMTP_URL: '', CREDENCE_SMTP_HOST: '  ', PATH: '/usr/bin' })).toBeUndefined();
  });

  it('reads a URL: scheme to TLS mode, default ports, %-escaped user and password, IPv6 host', () => {
    expect(
      smtpConfigFromEnv({ CREDENCE_SMTP_URL: 'smtp://credit%40acme.example:p%40ss%3Aw%2Frd@mail.example.com:2525' }),
    ).toEqual({
      host: 'mail.example.com',
      port: 2525,
      secure: false,
      auth: { user: 'credit@acme.example', pass: 'p@ss:w/rd' },
      rejectUnauthorized: true,
    });
    expect(smtpConfigFromEnv({ CREDENCE_SMTP_URL: 'smtps://mail.example.com' })).toEqual({
      host: 'mail.example.com',
      port: 465,
      secure: true,
      rejectUnauthorized: true,
    });
    expect(
      smtpConfigFromEnv({ CREDENCE_SMTP_URL: 'smtp://[::1]', CREDENCE_SMTP_TLS_REJECT_UNAUTHORIZED: 'false' }),
    ).toEqual({ host: '::1', port: 587, secure: false, rejectUnauthorized: false });
  });

  it('reads host, port, user, password and secure; port 465 means implicit TLS unless told otherwise', () => {
    expect(
      smtpConfigFromEnv({
        CREDENCE_SMTP_HOST: 'mail.example.com',
        CREDENCE_SMTP_PORT: '587',
        CREDENCE_SMTP_USER: 'credit',
        CREDENCE_SMTP_PASS: 's3cret',
      }),
    ).toEqual({
      host: 'mail.example.com',
      port: 587,
      secure: false,
      auth: { user: 'credit', pass: 's3cret' },
      rejectUnauthorized: true,
    });
    expect(smtpConfigFromEnv({ CREDENCE_SMTP_HOST: 'mx', CREDENCE_SMTP_PORT: '465' })).toMatchObject({ secure: true });
    expect(smtpConfigFromEnv({ CREDENCE_SMTP_HOST: 'mx', CREDENCE_SMTP_SECURE: 'TRUE' })).toMatchObject({
      port: 465,
      secure: true,
    });
    expect(smtpConfigFromEnv({ CREDENCE_SMTP_HOST: 'mx' })).toMatchObject({ port: 587, secure: false });
  });

  it.each([
    [{ CREDENCE_SMTP_URL: 'mail.example.com:587' }, 'CREDENCE_SMTP_URL', 'wrong scheme'],
    [{ CREDENCE_SMTP_URL: 'http://mail.example.com' }, 'CREDENCE_SMTP_URL', 'wrong scheme'],
    [{ CREDENCE_SMTP_URL: 'smtp://mail.example.com:port' }, 'CREDENCE_SMTP_URL', 'not a valid URL'],
    [{ CREDENCE_SMTP_URL: 'smtp://mail.example.com:0' }, 'CREDENCE_SMTP_URL', 'port'],
    [{ CREDENCE_SMTP_URL: 'smtp://' }, 'CREDENCE_SMTP_URL', 'no host'],
    [{ CREDENCE_SMTP_URL: 'smtp://:secret@mx' }, 'CREDENCE_SMTP_URL', 'password without a user'],
    [{ CREDENCE_SMTP_URL: 'smtp://u:%E0%A4%A@mx' }, 'CREDENCE_SMTP_URL', '%-escape'],
    [{ CREDENCE_SMTP_URL: 'smtp://mx', CREDENCE_SMTP_HOST: 'mx' }, 'CREDENCE_SMTP_HOST', 'can not be combined'],
    [{ CREDENCE_SMTP_HOST: 'mx', CREDENCE_SMTP_PORT: 'smtp' }, 'CREDENCE_SMTP_PORT', 'port'],
    [{ CREDENCE_SMTP_HOST: 'mx', CREDENCE_SMTP_PORT: '70000' }, 'CREDENCE_SMTP_PORT', 'port'],
    [{ CREDENCE_SMTP_HOST: 'mx', CREDENCE_SMTP_PORT: '25.5' }, 'CREDENCE_SMTP_PORT', 'port'],
    [{ CREDENCE_SMTP_HOST: 'smtp://mx' }, 'CREDENCE_SMTP_HOST', 'host name'],
    [{ CREDENCE_SMTP_HOST: 'mx', CREDENCE_SMTP_USER: 'credit' }, 'CREDENCE_SMTP_PASS', 'missing'],
    [{ CREDENCE_SMTP_HOST: 'mx', CREDENCE_SMTP_PASS: 'secret' }, 'CREDENCE_SMTP_USER', 'missing'],
    [{ CREDENCE_SMTP_HOST: 'mx', CREDENCE_SMTP_SECURE: 'yes' }, 'CREDENCE_SMTP_SECURE', 'true or false'],
    [
      { CREDENCE_SMTP_HOST: 'mx', CREDENCE_SMTP_TLS_REJECT_UNAUTHORIZED: '0' },
      'CREDENCE_SMTP_TLS_REJECT_UNAUTHORIZED',
      'true or false',
    ],
    [{ CREDENCE_SMTP_PORT: '587' }, 'CREDENCE_SMTP_PORT', 'neither CREDENCE_SMTP_HOST'],
  ])('rejects %o naming %s', (env, variable, reason) => {
    expect(() => smtpConfigFromEnv(env)).toThrow(variable);
    expect(() => smtpConfigFromEnv(env)).toThrow(reason);
  });

  it('never repeats a password in its error messages', () => {
    expect(() => smtpConfigFromEnv({ CREDENCE_SMTP_URL: 'smtp://u:hunter2@mx:99999' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('hunter2') }),
    );
  });
});
