// Display width and padding live in core (text/width.ts), shared with the letters' plain-text e-mails.
export { displayWidth, pad } from '@credence/core';
