export * from './parse-policy';
export * from './ports';
export * from './set-policy';
export * from './stored-policy';
