// The rules without the policy file's Zod schema (`@credence/core/insurance-rules`): what the order check needs,
// loaded without zod.
export * from './claim';
export * from './deadlines';
export * from './declaration';
export * from './exposure';
export * from './insured';
export * from './insured-open';
export * from './limits';
export * from './mep';
export * from './policy';
export * from './recoveries';
