import { useTranslation } from 'react-i18next';
import { changeLanguage, useLanguage } from '../i18n';
import { SUPPORTED_LANGUAGES, type Language } from '../language';

interface DsfrApi {
  (element: Element): { collapse?: { conceal: () => void } } | undefined;
}

/**
 * The DSFR language selector ("sélecteur de langue"), used as a header quick-access item.
 *
 * Not react-dsfr's `LanguageSelect`: that one nests the menu's links inside the toggle button
 * (interactive content inside a <button>, which axe reports) and carries built-in texts. This is
 * the DSFR markup, with buttons for the languages since a language is a setting here, not a URL.
 * The header renders it twice (desktop tools and mobile menu) and gives each copy its own `id`.
 */
export function LanguageSelect({ id = 'language-select' }: { id?: string }) {
  const { t } = useTranslation('common');
  const language = useLanguage();
  const menuId = `${id}-menu`;

  function choose(next: Language) {
    void changeLanguage(next);
    const nav = document.getElementById(id);
    if (nav === null) return;
    const mobileMenu = nav.closest('.fr-header__menu');
    if (mobileMenu !== null) {
      // In the mobile menu the DSFR closes the whole menu on this click: give the focus back to the
      // button that opened it rather than leaving it on a hidden element.
      window.setTimeout(() => {
        document.querySelector<HTMLButtonElement>(`button[aria-controls="${mobileMenu.id}"].fr-btn--menu`)?.focus();
      });
      return;
    }
    // In the header tools: close the list and keep the focus on the toggle, not on a hidden item.
    const menu = document.getElementById(menuId);
    const dsfr = (window as unknown as { dsfr?: DsfrApi }).dsfr;
    if (menu !== null && typeof dsfr === 'function') dsfr(menu)?.collapse?.conceal();
    nav.querySelector<HTMLButtonElement>('.fr-translate__btn')?.focus();
  }

  return (
    <nav id={id} className="fr-translate fr-nav" aria-label={t('language.navLabel')}>
      <div className="fr-nav__item">
        <button
          type="button"
          className="fr-translate__btn fr-btn fr-btn--tertiary"
          aria-controls={menuId}
          aria-expanded={false}
          title={t('language.select')}
        >
          {language.toUpperCase()}
          <span className="fr-hidden-lg">&nbsp;- {t(`language.names.${language}`)}</span>
        </button>
        <div className="fr-collapse fr-translate__menu fr-menu" id={menuId}>
          <ul className="fr-menu__list">
            {SUPPORTED_LANGUAGES.map((option) => (
              <li key={option}>
                <button
                  type="button"
                  className="fr-translate__language fr-nav__link"
                  lang={option}
                  aria-current={option === language ? 'true' : undefined}
                  onClick={() => choose(option)}
                >
                  {option.toUpperCase()} - {t(`language.names.${option}`)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </nav>
  );
}
