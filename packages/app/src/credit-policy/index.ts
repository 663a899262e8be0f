export * from './account-statement';
export * from './add-security';
export * from './end-security';
export * from './key-accounts';
export * from './list-securities';
export * from './probation-limit';
export * from './statement-ports';
