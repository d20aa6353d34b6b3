import { useTranslation } from 'react-i18next';

/** The Marianne block text, "République / Française", on two lines as the DSFR requires. */
export function BrandTop() {
  const { t } = useTranslation('common');
  return (
    <>
      {t('brandTop.line1')}
      <br />
      {t('brandTop.line2')}
    </>
  );
}
