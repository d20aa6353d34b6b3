import TechnicalError from '@codegouvfr/react-dsfr/picto/TechnicalError';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../ui/use-document-title';

/** DSFR "page not found" model (https://www.systeme-de-design.gouv.fr — modèles, page d'erreur 404). */
export function NotFoundPage() {
  const { t } = useTranslation('common');
  useDocumentTitle(t('notFound.documentTitle'));
  return (
    <div className="fr-container">
      <div className="fr-my-7w fr-mt-md-12w fr-mb-md-10w fr-grid-row fr-grid-row--gutters fr-grid-row--middle fr-grid-row--center">
        <div className="fr-py-0 fr-col-12 fr-col-md-6">
          <h1>{t('notFound.title')}</h1>
          <p className="fr-text--sm fr-mb-3w">{t('notFound.code')}</p>
          <p className="fr-text--lead fr-mb-3w">{t('notFound.lead')}</p>
          <p className="fr-text--sm fr-mb-5w">{t('notFound.text')}</p>
          <ul className="fr-btns-group fr-btns-group--inline-md">
            <li>
              <Link className="fr-btn" to="/">
                {t('actions.backHome')}
              </Link>
            </li>
          </ul>
        </div>
        <div className="fr-col-12 fr-col-md-3 fr-col-offset-md-1 fr-px-6w fr-px-md-0 fr-py-0">
          <TechnicalError fontSize="inherit" className="sejour-error-picto" />
        </div>
      </div>
    </div>
  );
}
