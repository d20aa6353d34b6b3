import { useTranslation } from 'react-i18next';

export const MAIN_CONTENT_ID = 'main-content';
export const FOOTER_ID = 'footer';

/**
 * DSFR skip links (https://www.systeme-de-design.gouv.fr/composants-et-modeles/composants/liens-d-evitement).
 * Written here rather than taken from react-dsfr, whose navigation label is a built-in text that
 * cannot be translated from our catalogues.
 */
export function SkipLinks() {
  const { t } = useTranslation('common');
  return (
    <div className="fr-skiplinks">
      <nav className="fr-container" aria-label={t('skipLinks.label')}>
        <ul className="fr-skiplinks__list">
          <li>
            <a className="fr-link" href={`#${MAIN_CONTENT_ID}`}>
              {t('skipLinks.content')}
            </a>
          </li>
          <li>
            <a className="fr-link" href={`#${FOOTER_ID}`}>
              {t('skipLinks.footer')}
            </a>
          </li>
        </ul>
      </nav>
    </div>
  );
}
