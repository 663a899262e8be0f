export * from './limit-detail';
export * from './recommend-buyer-limit';
export * from './record-limit';
