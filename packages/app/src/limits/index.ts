export * from './decide-limit-request';
export * from './limit-amount';
export * from './limit-detail';
export * from './limit-recommendation';
export * from './recommend-buyer-limit';
export * from './record-limit';
