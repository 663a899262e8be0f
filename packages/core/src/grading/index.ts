export * from './grade';
export * from './override';
export * from './policy';
