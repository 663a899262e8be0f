// The plain-text table lives in core (text/table.ts), shared with the letters' plain-text e-mails.
export { renderTable, type TableColumn as Column } from '@credence/core';
