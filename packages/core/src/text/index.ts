export * from './limits';
export * from './table';
export * from './width';
