export * from './aging';
export * from './calendar';
export * from './fx';
export * from './kpis';
export * from './ledger';
export * from './money';
export * from './result';
