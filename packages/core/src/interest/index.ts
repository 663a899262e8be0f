export * from './calculate';
export * from './rates';
