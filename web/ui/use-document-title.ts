import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Sets `document.title` to "<page> – Sejour" (format from `common:documentTitle`). Every page calls
 * it with its own title from the catalogues; it follows language changes.
 */
export function useDocumentTitle(page: string): void {
  const { t } = useTranslation('common');
  const title = t('documentTitle', { page, service: t('service.name') });
  useEffect(() => {
    document.title = title;
  }, [title]);
}
