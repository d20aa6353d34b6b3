import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../ui/use-document-title';

/** Placeholder: the calculator is being built in its own issue, which replaces this content. */
export function CalculatorPage() {
  const { t } = useTranslation('common');
  const title = t('nav.calculator');
  useDocumentTitle(title);
  return (
    <div className="fr-container fr-py-6w">
      <h1>{title}</h1>
    </div>
  );
}
