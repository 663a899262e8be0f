export * from './ratios';
export * from './statement';
