// The cash forecast (issue 17). A separate entry, `@credence/app/cash-forecast`: it reads the insurance claims,
// whose policy is a Zod schema, and the CLI starts without zod.
export * from './backtest-cash';
export * from './cash-accuracy';
export * from './cash-json';
export * from './forecast-cash';
export * from './inputs';
export * from './receipts';
