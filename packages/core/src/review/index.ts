export * from './review-due';
