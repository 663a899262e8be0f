export * from './evaluate';
export * from './lifecycle';
export * from './rules';
export * from './state';
