export * from './limit-events';
export * from './policy';
export * from './recommend';
