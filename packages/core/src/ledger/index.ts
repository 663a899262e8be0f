export * from './allocate';
export * from './apply-credit-note';
export * from './net-position';
export * from './open-items';
export * from './types';
