export { courierFromEnv } from './courier-from-env';
export { emlFileName } from './eml-file-name';
export { outboxCourier } from './outbox-courier';
export { type SmtpConfig, smtpCourier } from './smtp-courier';
export { smtpConfigFromEnv } from './smtp-env';
export type { Courier, DeliveryOutcome, OutgoingEmail } from './types';
export { writeOnce } from './write-once';
