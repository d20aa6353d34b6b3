import TechnicalError from '@codegouvfr/react-dsfr/picto/TechnicalError';
import { useTranslation } from 'react-i18next';
import { Link, useRouteError } from 'react-router';
import { isApiProblem } from '../../api/client';
import { useDocumentTitle } from '../../ui/use-document-title';

/**
 * Shown in place of a page that threw while rendering or loading (DSFR "unexpected error" model).
 * An `ApiProblem` keeps the server's own explanation and reference.
 */
export function RouteErrorPage() {
  const error = useRouteError();
  const { t } = useTranslation('common');
  useDocumentTitle(t('errorPage.documentTitle'));
  const problem = isApiProblem(error) ? error : undefined;

  return (
    <div className="fr-container">
      <div className="fr-my-7w fr-mt-md-12w fr-mb-md-10w fr-grid-row fr-grid-row--gutters fr-grid-row--middle fr-grid-row--center">
        <div className="fr-py-0 fr-col-12 fr-col-md-6">
          <h1>{t('errorPage.title')}</h1>
          <p className="fr-text--lead fr-mb-3w">{problem?.message ?? t('errorPage.lead')}</p>
          <p className="fr-text--sm fr-mb-5w">{t('errorPage.text')}</p>
          {problem?.requestId !== undefined && (
            <p className="fr-text--sm fr-mb-5w">{t('errorPage.reference', { requestId: problem.requestId })}</p>
          )}
          <ul className="fr-btns-group fr-btns-group--inline-md">
            <li>
              <button type="button" className="fr-btn" onClick={() => window.location.reload()}>
                {t('actions.retry')}
              </button>
            </li>
            <li>
              <Link className="fr-btn fr-btn--secondary" to="/">
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
