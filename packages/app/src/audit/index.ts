export * from './list-audit';
export * from './ports';
