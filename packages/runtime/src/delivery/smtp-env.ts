import type { SmtpConfig } from './smtp-courier';

type Env = Readonly<Record<string, string | undefined>>;

const V = {
  url: 'CREDENCE_SMTP_URL',
  host: 'CREDENCE_SMTP_HOST',
  port: 'CREDENCE_SMTP_PORT',
  user: 'CREDENCE_SMTP_USER',
  pass: 'CREDENCE_SMTP_PASS',
  secure: 'CREDENCE_SMTP_SECURE',
  tls: 'CREDENCE_SMTP_TLS_REJECT_UNAUTHORIZED',
} as const;

/**
 * The SMTP settings of the environment, or undefined when there are none (empty counts as unset). Either
 * CREDENCE_SMTP_URL (smtp://user:pass@host:587, smtps://… for implicit TLS) or CREDENCE_SMTP_HOST with the optional
 * CREDENCE_SMTP_PORT, _USER, _PASS and _SECURE; CREDENCE_SMTP_TLS_REJECT_UNAUTHORIZED=false with either. Throws an
 * Error naming the variable for a setting that is malformed or contradicts another; the message never echoes a value.
 */
export function smtpConfigFromEnv(env: Env): SmtpConfig | undefined {
  const get = (name: string) => env[name]?.trim() || undefined;
  const rejectUnauthorized = flag(V.tls, get(V.tls), true);
  const url = get(V.url);
  if (url) {
    const clash = [V.host, V.port, V.user, V.pass, V.secure].find((name) => get(name) !== undefined);
    if (clash) throw new Error(`${clash} can not be combined with ${V.url}: set one or the other`);
    return { ...fromUrl(url), rejectUnauthorized };
  }
  const host = get(V.host);
  if (!host) {
    const orphan = [V.port, V.user, V.pass, V.secure, V.tls].find((name) => get(name) !== undefined);
    if (orphan) throw new Error(`${orphan} is set, but neither ${V.host} nor ${V.url} is`);
    return undefined;
  }
  if (/[\s/]/.test(host)) throw new Error(`${V.host} must be a host name or an IP address`);
  const user = get(V.user);
  const pass = get(V.pass);
  if ((user === undefined) !== (pass === undefined))
    throw new Error(`${user === undefined ? V.user : V.pass} is missing: set both ${V.user} and ${V.pass} or neither`);
  const portText = get(V.port);
  const port = portText === undefined ? undefined : portNumber(V.port, portText);
  const secure = flag(V.secure, get(V.secure), port === 465);
  const auth = user !== undefined && pass !== undefined ? { auth: { user, pass } } : {};
  return { host, port: port ?? (secure ? 465 : 587), secure, ...auth, rejectUnauthorized };
}

function fromUrl(text: string): SmtpConfig {
  const shape = `${V.url} must look like smtp://user:pass@host:587 or smtps://user:pass@host:465`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`${shape} (it is not a valid URL)`);
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new Error(`${shape} (wrong scheme)`);
  if (!url.hostname) throw new Error(`${shape} (no host)`);
  if (url.password && !url.username) throw new Error(`${shape} (a password without a user)`);
  const secure = url.protocol === 'smtps:';
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = url.port ? portNumber(V.url, url.port) : secure ? 465 : 587;
  if (!url.username) return { host, port, secure };
  try {
    return {
      host,
      port,
      secure,
      auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) },
    };
  } catch {
    throw new Error(`${shape} (a bad %-escape in the user or password)`);
  }
}

function portNumber(name: string, text: string): number {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : 0;
  if (port < 1 || port > 65535) throw new Error(`${name}: the port must be a number from 1 to 65535`);
  return port;
}

function flag(name: string, text: string | undefined, fallback: boolean): boolean {
  if (text === undefined) return fallback;
  const value = text.toLowerCase();
  if (value !== 'true' && value !== 'false') throw new Error(`${name} must be true or false`);
  return value === 'true';
}
