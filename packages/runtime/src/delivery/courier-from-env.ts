import { outboxCourier } from './outbox-courier';
import { smtpCourier } from './smtp-courier';
import { smtpConfigFromEnv } from './smtp-env';
import type { Courier } from './types';

/** The SMTP courier when the environment configures SMTP (see smtpConfigFromEnv), else the outbox on `outboxDir`. */
export function courierFromEnv(env: Readonly<Record<string, string | undefined>>, outboxDir: string): Courier {
  const smtp = smtpConfigFromEnv(env);
  return smtp ? smtpCourier(smtp) : outboxCourier(outboxDir);
}
