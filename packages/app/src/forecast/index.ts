export * from './backtest-forecast';
export * from './history';
export * from './ports';
export * from './train-forecast';
export * from './backtest-json';
