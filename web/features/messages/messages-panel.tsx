/**
 * The personal space's "messages and requests waiting for an answer" panel: the applicant's
 * threads still waiting for the préfecture, with their due date; and the table both use.
 */
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ThreadList, ThreadSummary } from '../../../contract/messages';
import { useApi } from '../../api/use-api';
import { useFormat } from '../calculator/use-format';
import { MESSAGE_PATHS } from './paths';

export function ThreadsTable({ threads }: { threads: readonly ThreadSummary[] }) {
  const { t } = useTranslation('messages');
  const format = useFormat();
  return (
    <div className="fr-table fr-table--no-caption">
      <table>
        <caption>{t('list.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('list.columns.reference')}</th>
            <th scope="col">{t('list.columns.subject')}</th>
            <th scope="col">{t('list.columns.status')}</th>
            <th scope="col">{t('list.columns.due')}</th>
          </tr>
        </thead>
        <tbody>
          {threads.map((thread) => (
            <tr key={thread.id}>
              <td>
                <Link to={MESSAGE_PATHS.thread(thread.id)}>{thread.reference}</Link>
              </td>
              <td>
                {thread.categoryLabel} — {thread.subjectLabel}
                {thread.applicationReference && <><br /><span className="fr-text--xs">{thread.applicationReference}</span></>}
              </td>
              <td>
                <Badge small noIcon severity={thread.status === 'answered' ? 'success' : 'info'} as="span">
                  {t(`status.${thread.status}`)}
                </Badge>
              </td>
              <td>{thread.status === 'awaiting_answer' ? format.shortDate(thread.dueOn) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function MessagesPanel() {
  const { t } = useTranslation('messages');
  const { data } = useApi<ThreadList>('/messages');
  const waiting = data?.threads.filter((thread) => thread.status === 'awaiting_answer') ?? [];
  return (
    <section aria-labelledby="space-messages" className="fr-mb-6w">
      <h2 id="space-messages">{t('panel.title')}</h2>
      {data && (waiting.length === 0 ? <p>{t('panel.none')}</p> : <ThreadsTable threads={waiting} />)}
      <p>
        <Link className="fr-link" to={MESSAGE_PATHS.list}>{t('panel.all')}</Link>{' '}
        <Link className="fr-link fr-ml-2w" to={MESSAGE_PATHS.contact}>{t('list.write')}</Link>
      </p>
    </section>
  );
}
