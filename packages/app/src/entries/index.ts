export { type ApplyCashInput, applyCash } from './apply-cash';
export { type BuyerNetPosition, buyerNetPosition, netPositionOf } from './buyer-net-position';
export { type CashApplied, type CashFigures, cashApplicationKey } from './cash-support';
export { paymentKey } from './check-payment';
export { byDateThenId, OpenBalances } from './open-balances';
export { type ReallocateCashInput, reallocateCash } from './reallocate-cash';
export { type RecordedPayment, recordPayment } from './record-payment';
export { reversalKey, reverseEntry } from './reverse-entry';
export { type WriteOffInput, writeOffDocument, writeOffKey } from './write-off-document';
