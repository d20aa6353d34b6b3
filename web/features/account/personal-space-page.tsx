import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OverviewBody } from '../../../contract/overview';
import { useApi } from '../../api/use-api';
import { useDocumentTitle } from '../../ui/use-document-title';
import {
  AddressDeclarationsSection,
  ApplicationsSection,
  AttestationsSection,
  DocumentsSection,
  NextDeadlineSection,
  RequestsSection,
  SituationSection,
} from '../procedures/personal-space-sections';
import { PROCEDURE_PATHS } from '../procedures/paths';
import { ACCOUNT_PATHS } from './paths';
import { RequireSession } from './require-session';
import { ShareCodesPanel } from '../verify/share-codes-panel';
import { NotificationsPanel } from '../notifications/notifications-panel';
import { MessagesPanel } from '../messages/messages-panel';

/**
 * The signed-in person's space, at a glance (GET /api/v1/me/overview): what covers them today and
 * until when, the next deadline with its reason and rule, their documents, applications, requests
 * for documents waiting for an answer, changes of address declared, and attestations to download.
 */
export function PersonalSpacePage() {
  const { t } = useTranslation('procedures');
  useDocumentTitle(t('space.documentTitle'));
  return <RequireSession title={t('space.documentTitle')}>{(user) => <PersonalSpace name={user.displayName} />}</RequireSession>;
}

function PersonalSpace({ name }: { name: string }) {
  const { t } = useTranslation(['procedures', 'account']);
  const { data, problem, loading, reload } = useApi<OverviewBody>('/me/overview');
  return (
    <div className="fr-container fr-py-6w">
      <h1>{t('space.greeting', { name })}</h1>
      {loading && <p role="status">{t('account:loading')}</p>}
      {problem !== undefined && (
        <>
          <Alert className="fr-mb-4w" severity="error" as="h2" title={t('space.loadFailed')} description={problem.detail} />
          <Button onClick={reload}>{t('account:retry')}</Button>
        </>
      )}
      {data !== undefined && (
        <>
          <SituationSection overview={data} />
          <NextDeadlineSection overview={data} />
          <NotificationsPanel />
          <MessagesPanel />
          <RequestsSection overview={data} />
          <ApplicationsSection overview={data} />
          <DocumentsSection overview={data} />
          <AddressDeclarationsSection overview={data} />
          <AttestationsSection />
          <ShareCodesPanel />
        </>
      )}
      <nav aria-labelledby="space-links" className="fr-mt-4w">
        <h2 id="space-links" className="fr-h4">
          {t('space.links.title')}
        </h2>
        <ul>
          <li>
            <Link to={PROCEDURE_PATHS.profile}>{t('space.links.profile')}</Link>
          </li>
          <li>
            <Link to="/espace/rendez-vous">{t('appointments:page.link')}</Link>
          </li>
          <li>
            <Link to={ACCOUNT_PATHS.settings}>{t('space.links.account')}</Link>
          </li>
          <li>
            <Link to="/calculer">{t('space.links.calculator')}</Link>
          </li>
        </ul>
      </nav>
    </div>
  );
}
