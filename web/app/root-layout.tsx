import { useEffect, useRef } from 'react';
import { Outlet, ScrollRestoration, useLocation } from 'react-router';
import { SiteFooter } from '../ui/site-footer';
import { SiteHeader } from '../ui/site-header';
import { MAIN_CONTENT_ID, SkipLinks } from '../ui/skip-links';

/** Every page: skip links, DSFR header, the page in <main>, DSFR footer. */
export function RootLayout() {
  useFocusOnNavigation();
  return (
    <>
      <SkipLinks />
      <SiteHeader />
      <main id={MAIN_CONTENT_ID} role="main">
        <Outlet />
      </main>
      <SiteFooter />
      <ScrollRestoration />
    </>
  );
}

interface DsfrApi {
  (element: Element): { modal?: { conceal: () => void } } | undefined;
}

/**
 * After a client-side navigation, as a screen-reader user would expect from a page load: close
 * the header's mobile menu if it is open, then move the focus to the new page's <h1> (the title
 * was already updated by the page). Not on first load, and not when the URL targets an anchor.
 */
function useFocusOnNavigation(): void {
  const { pathname, hash } = useLocation();
  const previousPathname = useRef<string | null>(null);

  useEffect(() => {
    const previous = previousPathname.current;
    previousPathname.current = pathname;
    // First load, or only the anchor changed: not a new page.
    if (previous === null || previous === pathname) return;
    const dsfr = (window as unknown as { dsfr?: DsfrApi }).dsfr;
    const menu = document.querySelector('.fr-header__menu.fr-modal--opened');
    if (menu !== null && typeof dsfr === 'function') dsfr(menu)?.modal?.conceal();
    if (hash !== '') return;
    const heading = document.querySelector<HTMLElement>(`#${MAIN_CONTENT_ID} h1`);
    if (heading === null) return;
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
  }, [pathname, hash]);
}
