export * from './calculate';
export * from './compensation';
export * from './rates';
