export { type CollectionsTour, collectionsTour, HISTORY_WEEKS } from './collections-tour';
export { type CreditTour, creditTour, type OverLimit } from './credit-tour';
export { prepareDemoDir } from './demo-dir';
export { type DemoOptions, type DemoPorts, type DemoResult, type DemoStep, runDemo } from './run-demo';
export { CsvFileWriter, csvField, type PortfolioFiles, writePortfolioCsv } from './write-csv';
