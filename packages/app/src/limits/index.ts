export * from './decide-limit-request';
export * from './limit-amount';
export * from './limit-detail';
export * from './limit-recommendation';
export * from './list-limit-requests';
export * from './recommend-buyer-limit';
export * from './recommend-portfolio-limits';
export * from './record-limit';
