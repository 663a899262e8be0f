export { renderCaseFilePdf } from './case-pdf';
export { type ComposedLetter, composeLetter } from './compose';
export { formatAmount, formatDate } from './format';
export { renderHtml } from './html';
export { loadTemplates, TEMPLATES_DIR, TemplateError, type Templates } from './load-templates';
export { renderPdf } from './pdf';
export { renderText } from './text';
