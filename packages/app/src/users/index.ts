export * from './authenticate';
export * from './ports';
export * from './principal';
export * from './tokens';
