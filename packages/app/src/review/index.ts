export * from './reviews-due';
