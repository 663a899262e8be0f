export * from './key-accounts';
export * from './policy';
export * from './security';
