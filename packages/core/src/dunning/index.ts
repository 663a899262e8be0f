export * from './level';
export * from './policy';
