export * from './fx';
