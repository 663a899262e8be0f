export * from './check-order';
export * from './hold-buyer';
