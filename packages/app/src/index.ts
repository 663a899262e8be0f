export * from './demo';
export * from './entries';
export * from './hash';
export * from './import';
export * from './ports';
export * from './reports/report-aging';
export * from './reports/report-kpis';
export * from './reports/top-overdue';
