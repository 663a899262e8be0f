export { paymentKey } from './check-payment';
export { byDateThenId, OpenBalances } from './open-balances';
export { type RecordedPayment, recordPayment } from './record-payment';
export { reversalKey, reverseEntry } from './reverse-entry';
export { type WriteOffInput, writeOffDocument, writeOffKey } from './write-off-document';
