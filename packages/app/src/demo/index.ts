export type { CustomSize, Portfolio, PortfolioOptions, PortfolioPlan, PortfolioSize } from './portfolio';
export { generatePortfolio, PORTFOLIO_SIZES, planPortfolio } from './portfolio';
export * from './rows';
export * from './statements';
