export * from './policy';
export * from './recommend';
