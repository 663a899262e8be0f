export * from './decide-alert';
export * from './list-alerts';
export * from './portfolio-state';
export * from './ports';
export * from './record-country-risk';
export * from './run-alerts';
export * from './send-alert-digests';
