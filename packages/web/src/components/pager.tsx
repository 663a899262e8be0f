import { useI18n } from '../i18n/i18n';

export const PAGE_SIZE = 25;

/** The rows of one page (1-based). */
export const pageOf = <T,>(rows: readonly T[], page: number, size = PAGE_SIZE): readonly T[] =>
  rows.slice((page - 1) * size, page * size);

export function Pager({
  page,
  total,
  onPage,
  size = PAGE_SIZE,
}: {
  page: number;
  total: number;
  onPage: (p: number) => void;
  size?: number;
}) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(total / size));
  if (pages === 1) return null;
  return (
    <nav className="pager" aria-label={t('common.page', { page, pages })}>
      <button type="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('common.previous')}
      </button>
      <span>{t('common.page', { page, pages })}</span>
      <button type="button" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('common.next')}
      </button>
    </nav>
  );
}
