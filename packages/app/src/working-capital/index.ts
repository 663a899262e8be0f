export * from './ports';
export * from './report-working-capital';
export * from './set-working-capital';
export * from './working-capital-json';
