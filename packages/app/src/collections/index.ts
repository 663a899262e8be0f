export * from './letter';
export * from './ports';
