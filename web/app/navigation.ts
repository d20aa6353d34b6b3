/**
 * The main navigation shown in the header, in order. A page that belongs in the menu adds one
 * line here (its route is declared in `routes.tsx`); `labelKey` is a key of `common.json`.
 */
export interface NavigationItem {
  to: string;
  labelKey: string;
  /** Active only on this exact path (the home page); otherwise also on sub-paths. */
  end?: boolean;
}

export const MAIN_NAVIGATION: readonly NavigationItem[] = [
  { to: '/', labelKey: 'nav.home', end: true },
  { to: '/calculer', labelKey: 'nav.calculator' },
  { to: '/prefectures', labelKey: 'nav.directory' },
  { to: '/verify', labelKey: 'nav.verify' },
  { to: '/statistiques', labelKey: 'nav.statistics' },
];

export function isNavigationItemActive(item: NavigationItem, pathname: string): boolean {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (item.end === true || item.to === '/') return path === item.to;
  return path === item.to || path.startsWith(`${item.to}/`);
}
