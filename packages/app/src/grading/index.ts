export * from './country-risk';
export * from './grade-buyer-as-of';
