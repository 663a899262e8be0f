// Test helpers for whoever delivers letters (`@credence/runtime/testing`): a local SMTP server that keeps what it
// receives, MIME decoding, a sample letter. smtp-server is a devDependency: never import this from production code.
export { letter, PDF } from './test-email';
export { bodyBytes, decodeWords, header, leafParts, type MimePart, splitPart } from './test-mime';
export { closedPort, silentServer, startSmtpServer, type TestSmtpServer } from './test-smtp-server';
