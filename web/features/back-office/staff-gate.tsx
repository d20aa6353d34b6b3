/**
 * The part of a back-office page that needs a staff session with the second factor passed: sends
 * a signed-out reader to sign in, an applicant to their personal space, and a staff member who has
 * not passed the second factor yet to the verification page (and back here afterwards).
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import type { SecondFactorStatus } from '../../../contract/second-factor';
import type { MeBody } from '../../../contract/accounts';
import { useApi } from '../../api/use-api';
import { RequireSession } from '../account/require-session';
import { ACCOUNT_PATHS } from '../account/paths';
import { BACK_OFFICE_PATHS } from './paths';

export function StaffGate({ title, children }: { title: string; children: (user: MeBody) => ReactNode }) {
  return <RequireSession title={title}>{(user) => (user.role === 'applicant' ? <Navigate to={ACCOUNT_PATHS.personalSpace} replace /> : <Verified title={title} user={user}>{children}</Verified>)}</RequireSession>;
}

function Verified({ title, user, children }: { title: string; user: MeBody; children: (user: MeBody) => ReactNode }) {
  const { t } = useTranslation('staff');
  const location = useLocation();
  const { data, problem } = useApi<SecondFactorStatus>('/auth/second-factor');
  if (data?.verified === true) return children(user);
  if (data !== undefined) {
    return <Navigate to={`${BACK_OFFICE_PATHS.secondFactor}?retour=${encodeURIComponent(`${location.pathname}${location.search}`)}`} replace />;
  }
  return (
    <div className="fr-container fr-py-6w">
      <h1>{title}</h1>
      <p role="status">{problem ? problem.detail : t('loading')}</p>
    </div>
  );
}
