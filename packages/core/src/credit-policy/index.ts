export * from './delivery';
export * from './key-accounts';
export * from './next-step';
export * from './payer-pattern';
export * from './policy';
export * from './probation';
export * from './security';
