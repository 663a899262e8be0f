export * from './country-risk';
export * from './daily-schedule';
export * from './digest';
export * from './digest-words';
export * from './evaluate';
export * from './lifecycle';
export * from './rules';
export * from './state';
