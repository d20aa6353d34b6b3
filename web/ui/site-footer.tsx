import { headerFooterDisplayItem } from '@codegouvfr/react-dsfr/Display';
import { Footer } from '@codegouvfr/react-dsfr/Footer';
import { useTranslation } from 'react-i18next';
import { LEGAL_SECTION_IDS } from '../features/home/legal-sections';
import { BrandTop } from './brand-top';
import { FOOTER_ID } from './skip-links';

export function SiteFooter() {
  const { t } = useTranslation('common');
  const service = t('service.name');

  return (
    <Footer
      id={FOOTER_ID}
      brandTop={<BrandTop />}
      homeLinkProps={{ to: '/', title: t('header.homeLinkTitle', { service }) }}
      contentDescription={t('footer.description')}
      // No audit yet: the legally required statement is "non conforme" until one is done.
      accessibility="non compliant"
      accessibilityLinkProps={{ to: `/#${LEGAL_SECTION_IDS.accessibility}` }}
      termsLinkProps={{ to: `/#${LEGAL_SECTION_IDS.legal}` }}
      bottomItems={[
        { text: t('footer.personalData'), linkProps: { to: `/#${LEGAL_SECTION_IDS.personalData}` } },
        { text: t('messages:footer.contact'), linkProps: { to: '/contact' } },
        headerFooterDisplayItem,
      ]}
      license={t('footer.license')}
    />
  );
}
