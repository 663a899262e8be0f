export * from './backtest';
export * from './features';
export * from './history';
export * from './model';
export * from './outlook';
export * from './regress';
export * from './testkit';
export * from './types';
