/** /espace/messages: the applicant's conversations with their préfecture, those waiting for an answer first in view. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ThreadList } from '../../../contract/messages';
import { useDocumentTitle } from '../../ui/use-document-title';
import { RequireSession } from '../account/require-session';
import { MESSAGE_PATHS } from './paths';
import { ThreadsTable } from './messages-panel';
import { useApi } from '../../api/use-api';
import { Alert } from '@codegouvfr/react-dsfr/Alert';

export function ThreadsPage() {
  const { t } = useTranslation('messages');
  useDocumentTitle(t('list.title'));
  return (
    <RequireSession title={t('list.title')}>
      {() => (
        <div className="fr-container fr-py-6w">
          <h1>{t('list.title')}</h1>
          <p>
            <Link className="fr-link" to={MESSAGE_PATHS.contact}>{t('list.write')}</Link>
          </p>
          <AllThreads />
        </div>
      )}
    </RequireSession>
  );
}

function AllThreads() {
  const { t } = useTranslation('messages');
  const { data, problem } = useApi<ThreadList>('/messages');
  if (problem) return <Alert severity="error" small description={problem.detail} />;
  if (!data) return <p role="status">{t('loading')}</p>;
  return data.threads.length === 0 ? <p>{t('list.empty')}</p> : <ThreadsTable threads={data.threads} />;
}
