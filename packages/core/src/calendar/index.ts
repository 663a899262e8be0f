export * from './date';
export * from './date-format';
