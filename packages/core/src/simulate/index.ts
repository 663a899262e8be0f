export * from './figures';
export * from './replay';
export * from './scenario';
export * from './simulate';
