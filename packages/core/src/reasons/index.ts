export * from './catalog';
export * from './messages';
export * from './render';
export * from './spec';
