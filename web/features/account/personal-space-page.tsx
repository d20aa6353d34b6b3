import { Tile } from '@codegouvfr/react-dsfr/Tile';
import Calendar from '@codegouvfr/react-dsfr/picto/Calendar';
import Avatar from '@codegouvfr/react-dsfr/picto/Avatar';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../ui/use-document-title';
import { ACCOUNT_PATHS } from './paths';
import { RequireSession } from './require-session';

/** The signed-in person's space: a greeting and where to go. Applications and attestations come later. */
export function PersonalSpacePage() {
  const { t } = useTranslation('account');
  useDocumentTitle(t('space.documentTitle'));
  return (
    <RequireSession title={t('space.documentTitle')}>
      {(user) => (
        <div className="fr-container fr-py-6w">
          <h1>{t('space.greeting', { name: user.displayName })}</h1>
          <p className="fr-text--lead fr-mb-6w">{t('space.lead')}</p>
          <ul className="fr-grid-row fr-grid-row--gutters sejour-plain-list">
            <li className="fr-col-12 fr-col-md-6">
              <Tile
                title={t('space.links.settings.title')}
                titleAs="h2"
                desc={t('space.links.settings.text')}
                pictogram={<Avatar fontSize="inherit" />}
                orientation="horizontal"
                linkProps={{ to: ACCOUNT_PATHS.settings }}
                enlargeLinkOrButton
                className="sejour-full-height"
              />
            </li>
            <li className="fr-col-12 fr-col-md-6">
              <Tile
                title={t('space.links.calculator.title')}
                titleAs="h2"
                desc={t('space.links.calculator.text')}
                pictogram={<Calendar fontSize="inherit" />}
                orientation="horizontal"
                linkProps={{ to: '/calculer' }}
                enlargeLinkOrButton
                className="sejour-full-height"
              />
            </li>
          </ul>
        </div>
      )}
    </RequireSession>
  );
}
