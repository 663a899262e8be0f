export { deliveryHandlers } from './run-delivery-job';
export { type RunWorker, runWorker } from './run-worker';
export { type Poller, startWorker, type WorkerOptions } from './start-worker';
