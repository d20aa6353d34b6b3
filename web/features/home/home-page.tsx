import { CallOut } from '@codegouvfr/react-dsfr/CallOut';
import { Tile } from '@codegouvfr/react-dsfr/Tile';
import Calendar from '@codegouvfr/react-dsfr/picto/Calendar';
import Document from '@codegouvfr/react-dsfr/picto/Document';
import NationalIdentityCard from '@codegouvfr/react-dsfr/picto/NationalIdentityCard';
import Passport from '@codegouvfr/react-dsfr/picto/Passport';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../ui/use-document-title';
import { LEGAL_SECTION_IDS } from './legal-sections';

interface Step {
  key: 'vlsts' | 'renewal' | 'attestations' | 'calculator';
  pictogram: ReactNode;
  to?: string;
}

const STEPS: readonly Step[] = [
  { key: 'vlsts', pictogram: <Passport fontSize="inherit" /> },
  { key: 'renewal', pictogram: <NationalIdentityCard fontSize="inherit" /> },
  { key: 'attestations', pictogram: <Document fontSize="inherit" /> },
  { key: 'calculator', pictogram: <Calendar fontSize="inherit" />, to: '/calculer' },
];

/** What Sejour is for, in plain words for a newcomer; also holds the footer's legal sections. */
export function HomePage() {
  const { t } = useTranslation('home');
  useDocumentTitle(t('documentTitle'));

  return (
    <div className="fr-container fr-py-6w fr-py-md-8w">
      <h1>{t('title')}</h1>
      <p className="fr-text--lead fr-mb-6w">{t('lead')}</p>

      <section aria-labelledby="home-steps-title" className="fr-mb-6w">
        <h2 id="home-steps-title">{t('steps.title')}</h2>
        <ul className="fr-grid-row fr-grid-row--gutters sejour-plain-list">
          {STEPS.map(({ key, pictogram, to }) => {
            const common = {
              title: t(`steps.${key}.title`),
              titleAs: 'h3' as const,
              start: <p className="fr-tag fr-tag--sm fr-icon-time-line fr-tag--icon-left">{t(`steps.${key}.when`)}</p>,
              desc: t(`steps.${key}.text`),
              pictogram,
              orientation: 'horizontal' as const,
              className: 'sejour-full-height sejour-step-tile',
            };
            return (
              <li key={key} className="fr-col-12 fr-col-lg-6">
                {to === undefined ? <Tile {...common} noIcon /> : <Tile {...common} linkProps={{ to }} enlargeLinkOrButton />}
              </li>
            );
          })}
        </ul>
      </section>

      <CallOut title={t('prefecture.title')} titleAs="h2" iconId="fr-icon-government-line" className="fr-mb-6w">
        {t('prefecture.text')}
      </CallOut>

      <section aria-labelledby="home-about-title">
        <h2 id="home-about-title">{t('about.title')}</h2>
        <div className="fr-grid-row fr-grid-row--gutters">
          {(['legal', 'personalData', 'accessibility'] as const).map((key) => (
            <section key={key} id={LEGAL_SECTION_IDS[key]} className="fr-col-12 fr-col-md-4" aria-labelledby={`${LEGAL_SECTION_IDS[key]}-title`}>
              <h3 id={`${LEGAL_SECTION_IDS[key]}-title`} className="fr-h5">
                {t(`about.${key}.title`)}
              </h3>
              <p className="fr-text--sm">{t(`about.${key}.text`)}</p>
            </section>
          ))}
        </div>
      </section>
    </div>
  );
}
