export * from './allocate';
export * from './open-items';
export * from './types';
