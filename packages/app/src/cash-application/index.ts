export * from './line-payment';
export * from './match-bank-lines';
export * from './ports';
