import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import type { MeBody } from '../../../contract/accounts';
import { signInPathReturningTo } from './paths';
import { refreshSession, useSession } from './use-session';

/**
 * The part of a page that needs the account: waits to know who is signed in (use-session.ts), sends
 * a signed-out reader to the sign-in page (and back here afterwards), and says so when the server
 * cannot answer. Until then the page shows only its title.
 */
export function RequireSession({ title, children }: { title: string; children: (user: MeBody) => ReactNode }) {
  const { t } = useTranslation('account');
  const session = useSession({ verify: true });
  const location = useLocation();

  if (session.status === 'signed-in') return children(session.user);
  if (session.status === 'signed-out') {
    return <Navigate to={signInPathReturningTo(`${location.pathname}${location.search}`)} replace />;
  }
  return (
    <div className="fr-container fr-py-6w">
      <h1>{title}</h1>
      {session.status === 'checking' ? (
        <p role="status">{t('loading')}</p>
      ) : (
        <>
          <Alert className="fr-mb-4w" severity="error" as="h2" title={session.problem.title} description={session.problem.detail} />
          <Button onClick={() => void refreshSession()}>{t('retry')}</Button>
        </>
      )}
    </div>
  );
}
