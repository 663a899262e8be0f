export * from './daily-lease';
export * from './daily-status';
export * from './digest-step';
export * from './ports';
export * from './run-daily-cycle';
export * from './steps';
