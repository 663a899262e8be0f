export * from './csv';
export * from './limits';
export * from './table';
export * from './width';
