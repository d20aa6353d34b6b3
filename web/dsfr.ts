/**
 * Starts react-dsfr (the DSFR's JavaScript, colour scheme, links) for this single-page app, and
 * hands the library's own built-in texts over to our catalogues (`common:dsfr.*`), so that every
 * string on screen comes from `locales/`.
 */
import { startReactDsfr } from '@codegouvfr/react-dsfr/spa';
import { addDisplayTranslations } from '@codegouvfr/react-dsfr/Display';
import { addFooterTranslations } from '@codegouvfr/react-dsfr/Footer';
import { addHeaderTranslations } from '@codegouvfr/react-dsfr/Header';
import { addMainNavigationTranslations } from '@codegouvfr/react-dsfr/MainNavigation';
import { addModalTranslations } from '@codegouvfr/react-dsfr/Modal';
import { Link } from 'react-router';
import { i18n, useLanguage } from './i18n';
import { SUPPORTED_LANGUAGES } from './language';

// react-dsfr components render react-router's <Link>: their `linkProps` take `to`.
declare module '@codegouvfr/react-dsfr/spa' {
  interface RegisterLink {
    Link: typeof Link;
  }
}

/** Id of the `<style>` react-dsfr writes `:root { color-scheme }` into (src/useIsDark/constants.ts). */
const ROOT_COLOR_SCHEME_STYLE_ID = 'dsfr-root-color-scheme';

/**
 * react-dsfr's start-up writes `:root { color-scheme: light|dark }` into an inline `<style>`
 * element, which our Content-Security-Policy (`style-src 'self'`) refuses — a console error on
 * every page. The DSFR's own script already sets the same property through the CSSOM
 * (`document.documentElement.style.colorScheme`, allowed by CSP) and `web/ui/app.css` sets it
 * from `data-fr-theme`, so that one element is dropped instead of being inserted.
 */
function keepInlineColorSchemeStyleOut(): void {
  const head = document.head;
  const appendChild = head.appendChild.bind(head);
  head.appendChild = <T extends Node>(node: T): T => {
    if (node instanceof HTMLStyleElement && node.id === ROOT_COLOR_SCHEME_STYLE_ID) return node;
    return appendChild(node);
  };
}

function registerLibraryTranslations(): void {
  for (const lang of SUPPORTED_LANGUAGES) {
    const t = i18n.getFixedT(lang, 'common', 'dsfr');
    addHeaderTranslations({ lang, messages: { menu: t('header.menu'), close: t('header.close') } });
    addMainNavigationTranslations({ lang, messages: { 'main menu': t('mainNavigation.label') } });
    addModalTranslations({ lang, messages: { close: t('modal.close') } });
    addFooterTranslations({
      lang,
      messages: {
        'website map': t('footer.websiteMap'),
        accessibility: t('footer.accessibility'),
        'non compliant': t('footer.nonCompliant'),
        'partially compliant': t('footer.partiallyCompliant'),
        'fully compliant': t('footer.fullyCompliant'),
        terms: t('footer.terms'),
        'open new window': t('footer.openNewWindow'),
        'hide message': t('footer.hideMessage'),
        'cookies management': t('footer.cookiesManagement'),
        'our partners': t('footer.ourPartners'),
      },
    });
    addDisplayTranslations({
      lang,
      messages: {
        'display settings': t('display.title'),
        close: t('display.close'),
        'pick a theme': t('display.pickTheme'),
        'light theme': t('display.light'),
        'dark theme': t('display.dark'),
        'system theme': t('display.system'),
        'system theme hint': t('display.systemHint'),
      },
    });
  }
}

export function startDsfr(): void {
  keepInlineColorSchemeStyleOut();
  registerLibraryTranslations();
  startReactDsfr({ defaultColorScheme: 'system', Link, useLang: useLanguage });
  // startReactDsfr has just set `window.dsfr = { verbose, mode }` and is loading the DSFR script,
  // which reads these settings when it runs: in production, no "dsfr : version …" console lines.
  const settings = (window as unknown as { dsfr?: Record<string, unknown> }).dsfr;
  if (import.meta.env.PROD && settings !== undefined) settings.production = true;
}
