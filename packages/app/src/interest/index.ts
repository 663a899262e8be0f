export * from './calculate-interest';
