export * from './balance';
export * from './model';
