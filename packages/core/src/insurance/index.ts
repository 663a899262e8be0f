export * from './policy-schema';
export * from './rules';
