export * from './backtest-forecast';
export * from './backtest-json';
export * from './history';
export * from './ports';
export * from './train-forecast';
