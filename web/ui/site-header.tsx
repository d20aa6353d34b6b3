import { Header } from '@codegouvfr/react-dsfr/Header';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { MAIN_NAVIGATION, isNavigationItemActive } from '../app/navigation';
import { useAccountQuickAccessItems } from '../features/account/header-items';
import { BrandTop } from './brand-top';
import { LanguageSelect } from './language-select';

export function SiteHeader() {
  const { t } = useTranslation('common');
  const { pathname } = useLocation();
  const service = t('service.name');
  const accountItems = useAccountQuickAccessItems();

  return (
    <Header
      brandTop={<BrandTop />}
      serviceTitle={service}
      serviceTagline={t('service.tagline')}
      homeLinkProps={{ to: '/', title: t('header.homeLinkTitle', { service }) }}
      quickAccessItems={[...accountItems, <LanguageSelect key="language" />]}
      navigation={MAIN_NAVIGATION.map((item) => ({
        text: t(item.labelKey),
        linkProps: { to: item.to },
        isActive: isNavigationItemActive(item, pathname),
      }))}
    />
  );
}
