export * from './buyer-behaviour';
export * from './country-risk';
export * from './grade-buyer-as-of';
export * from './run-grades';
