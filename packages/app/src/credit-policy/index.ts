export * from './key-accounts';
