export * from './buyer-detail';
export * from './buyer-financials';
export * from './list-buyers';
