export * from './simulate-scenario';
