export * from './import-bank-statement';
export * from './ports';
