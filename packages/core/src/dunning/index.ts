export * from './level';
export * from './policy';
export * from './rhythm';
export * from './run-plan';
