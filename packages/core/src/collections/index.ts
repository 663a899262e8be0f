export * from './commitments';
export * from './events';
export * from './state';
export * from './tasks';
export * from './worklist';
