export * from './add-insurance-policy';
export * from './insurance-claim';
export * from './insurance-deadlines';
export * from './insurance-exposure';
export * from './insurance-facts';
export * from './policies-in-force';
export * from './ports';
export * from './record-insurance-event';
