export * from './allocate';
export * from './apply-credit-note';
export * from './open-items';
export * from './types';
