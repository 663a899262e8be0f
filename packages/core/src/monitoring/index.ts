export * from './daily-schedule';
export * from './evaluate';
export * from './lifecycle';
export * from './rules';
export * from './state';
