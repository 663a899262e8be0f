export * from './add-user';
export * from './authenticate';
export * from './list-users';
export * from './ports';
export * from './principal';
export * from './principal-cache';
export * from './revoke-user';
export * from './tokens';
