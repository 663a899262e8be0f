export * from './ports';
export * from './reports/report-aging';
export * from './reports/report-kpis';
export * from './reports/top-overdue';
