export * from './add-order';
export * from './check-order';
export * from './check-order-notify';
export * from './hold-buyer';
export * from './order-check-reads';
