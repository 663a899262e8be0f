export * from './buyer-detail';
export * from './buyer-financials';
export * from './buyer-overview';
export * from './list-buyers';
