// @credence/letters: dunning letters and case files from app's data, through the templates (one JSON file per
// language in packages/letters/templates), to text, HTML and PDF. Everything is returned as strings and bytes;
// nothing here writes a file or sends a message (the CLI and the server do).

// The case file for a collection agency or a lawyer, as a PDF
export { renderCaseFilePdf } from './case-pdf';
// A letter in words, and the formats the words use
export { type ComposedLetter, composeLetter } from './compose';
export { formatAmount, formatDate } from './format';
// Rendering one letter with given templates
export { renderHtml } from './html';
// Templates
export { loadTemplates, shippedTemplatesDir, TemplateError, type Templates } from './load-templates';
// The insurer's overdue-notification form (credit insurance), as a PDF in the policy's language
export { NOTIFICATION_WORDS, type NotificationForm, renderNotificationPdf } from './notification-pdf';
export { renderPdf } from './pdf';
// Previews: a letter every way, or a sample letter (no data of one's own needed)
export { previewLetter, type RenderedLetter, renderAll } from './preview';
// Rendering letters in their own language, each language's templates loaded once
export { type LetterRenderer, letterRenderer } from './renderer';
export { type SampleVariant, sampleLetter } from './sample-letter';
export { renderStatementHtml } from './statement-html';
export { renderStatementPdf } from './statement-pdf';
export { STATEMENT_WORDS, type StatementLanguage, statementLanguage, statementMail } from './statement-words';
export { renderText } from './text';
