export * from './accept-bank-line';
export * from './decide-line';
export * from './line-payment';
export * from './list-cash-lines';
export * from './match-bank-lines';
export * from './ports';
export * from './reject-bank-line';
export * from './repoint-bank-line';
