export * from './aging';
export * from './buckets';
