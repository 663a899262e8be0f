export * from './buyer-behaviour';
export * from './buyer-grade';
export * from './country-risk';
export * from './grade-buyer-as-of';
export * from './recorded-grade';
export * from './run-grades';
