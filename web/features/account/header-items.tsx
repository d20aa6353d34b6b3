/**
 * The account's quick-access items of the site header: "Sign in" when signed out; "My space" and
 * "Sign out" when signed in; nothing while it is not known yet (no flash of the wrong one).
 */
import type { HeaderProps } from '@codegouvfr/react-dsfr/Header';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { isApiProblem } from '../../api/client';
import { ACCOUNT_PATHS, signInPathReturningTo } from './paths';
import type { SignInPageState } from './sign-in-page';
import { setSignedOut, signOut, useSession } from './use-session';

/** Pages after which signing in should not come back to them. */
const NO_RETURN = new Set<string>(['/', ...Object.values(ACCOUNT_PATHS)]);

export function useAccountQuickAccessItems(): HeaderProps.QuickAccessItem[] {
  const { t } = useTranslation('account');
  const session = useSession();
  const navigate = useNavigate();
  const { pathname, search } = useLocation();

  async function signOutHere() {
    try {
      await signOut();
    } catch (error) {
      if (!isApiProblem(error)) throw error;
      // Already signed out (session ended elsewhere or expired): say so; anything else, stay as is.
      if (error.status !== 401) return;
      setSignedOut();
    }
    await navigate(ACCOUNT_PATHS.signIn, { state: { notice: 'signedOut' } satisfies SignInPageState });
  }

  switch (session.status) {
    case 'signed-in':
      return [
        { iconId: 'fr-icon-account-circle-line', text: t('header.personalSpace'), linkProps: { to: ACCOUNT_PATHS.personalSpace } },
        { iconId: 'fr-icon-logout-box-r-line', text: t('header.signOut'), buttonProps: { type: 'button', onClick: () => void signOutHere() } },
      ];
    case 'signed-out':
      return [
        {
          iconId: 'fr-icon-lock-line',
          text: t('header.signIn'),
          linkProps: { to: NO_RETURN.has(pathname) ? ACCOUNT_PATHS.signIn : signInPathReturningTo(`${pathname}${search}`) },
        },
      ];
    default:
      return [];
  }
}
