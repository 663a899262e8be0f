export * from './loss-rate';
export * from './provision-matrix';
export * from './roll-rates';
