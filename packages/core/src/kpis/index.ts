export * from './inputs-from-items';
export * from './kpis';
export * from './payment-behaviour';
export * from './settlements';
