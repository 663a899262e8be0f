export * from './add-webhook';
export * from './backoff';
export * from './deliver-due-webhooks';
export * from './events';
export * from './manage-webhooks';
export * from './ping-webhook';
export * from './ports';
export * from './signature';
