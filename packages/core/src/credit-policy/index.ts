export * from './key-accounts';
export * from './policy';
