export * from './accuracy';
export * from './flows';
export * from './forecast';
export * from './params';
export * from './periods';
