export * from './level';
export * from './policy';
export * from './run-plan';
