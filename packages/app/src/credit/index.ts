export * from './add-order';
export * from './check-order';
export * from './check-order-notify';
export * from './check-results-ports';
export * from './hold-buyer';
export * from './hold-reason';
export * from './list-check-results';
export * from './order-check-reads';
