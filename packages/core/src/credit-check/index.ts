export * from './decide';
export * from './order';
