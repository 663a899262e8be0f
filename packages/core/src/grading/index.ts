export * from './grade';
export * from './policy';
