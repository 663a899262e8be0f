// The public face of @credence/demo: the deterministic portfolio generator (the demo and the benchmarks) and
// the canonical import rows it writes, and the tour `credence demo` runs (`runDemo`). Nothing in production imports
// it but the CLI's `credence demo`.
export type { CustomSize, Portfolio, PortfolioOptions, PortfolioPlan, PortfolioSize } from './portfolio';
export { generatePortfolio, PORTFOLIO_SIZES, planPortfolio } from './portfolio';
export * from './rows';
export * from './statements';
export * from './tour';
