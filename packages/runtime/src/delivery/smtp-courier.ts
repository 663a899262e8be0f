import type { NodemailerError } from 'nodemailer';
import { mailOptions } from './mail-options';
import { nodemailer } from './nodemailer';
import type { Courier, DeliveryOutcome } from './types';

export interface SmtpConfig {
  readonly host: string;
  readonly port: number;
  /** Implicit TLS from the first byte (smtps, usually port 465); otherwise STARTTLS when the server offers it. */
  readonly secure: boolean;
  readonly auth?: { readonly user: string; readonly pass: string };
  /** false accepts a self-signed server certificate (test servers only); default true. */
  readonly rejectUnauthorized?: boolean;
  /** Milliseconds; nodemailer's defaults (2 min, 30 s, 10 min) when not given. */
  readonly connectionTimeout?: number;
  readonly greetingTimeout?: number;
  readonly socketTimeout?: number;
}

/** Sends each letter over its own SMTP connection (no pool: a pool re-queues a message whose connection dropped). */
export function smtpCourier(config: SmtpConfig): Courier {
  const transport = nodemailer().createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    auth: config.auth && { user: config.auth.user, pass: config.auth.pass },
    tls: { rejectUnauthorized: config.rejectUnauthorized ?? true },
    connectionTimeout: config.connectionTimeout,
    greetingTimeout: config.greetingTimeout,
    socketTimeout: config.socketTimeout,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    kind: 'smtp',
    async deliver(email) {
      try {
        const info = await transport.sendMail(mailOptions(email));
        const rejected = info.rejected.length ? ` (rejected: ${info.rejected.join(', ')})` : '';
        return { status: 'sent', channel: 'smtp', detail: `${info.response}${rejected}` };
      } catch (err) {
        return smtpFailure(err);
      }
    },
    async close() {
      transport.close();
    },
  };
}

/**
 * A 5xx reply (nodemailer's `permanent`, which leaves out 503) and an envelope nodemailer refuses without asking
 * the server (EENVELOPE with no reply: no recipient address) fail for good. A refused login fails every letter
 * alike, it is the configuration that is wrong, so it stays retryable like a network problem or a 4xx reply.
 */
function smtpFailure(err: unknown): DeliveryOutcome {
  const e: NodemailerError = err instanceof Error ? err : new Error(String(err));
  const permanent = e.code !== 'EAUTH' && (e.permanent ?? e.code === 'EENVELOPE');
  return { status: 'failed', channel: 'smtp', detail: e.code ? `${e.code}: ${e.message}` : e.message, permanent };
}
