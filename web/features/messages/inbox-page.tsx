/** /agent/messages: the message inbox of the agent's préfectures, due date first, with filters kept in the address. */
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { SegmentedControl } from '@codegouvfr/react-dsfr/SegmentedControl';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { INBOX_FILTERS, type Inbox, type InboxFilter } from '../../../contract/messages';
import { useApi } from '../../api/use-api';
import { useDocumentTitle } from '../../ui/use-document-title';
import { StaffGate } from '../back-office/staff-gate';
import { useFormat } from '../calculator/use-format';
import { MESSAGE_PATHS } from './paths';

export function InboxPage() {
  const { t } = useTranslation('messages');
  useDocumentTitle(t('inbox.title'));
  return <StaffGate title={t('inbox.title')}>{() => <InboxView />}</StaffGate>;
}

function InboxView() {
  const { t } = useTranslation('messages');
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const raw = params.get('filtre') ?? 'all';
  const filter: InboxFilter = (INBOX_FILTERS as readonly string[]).includes(raw) ? (raw as InboxFilter) : 'all';
  const { data, problem, loading } = useApi<Inbox>('/staff/messages', { query: { filter } });
  return (
    <div className="fr-container fr-py-6w">
      <h1>{t('inbox.title')}</h1>
      <SegmentedControl
        legend={t('inbox.filter')}
        small
        className="fr-mb-4w"
        segments={INBOX_FILTERS.map((f) => ({
          label: t(`inbox.filters.${f}`),
          nativeInputProps: { checked: filter === f, onChange: () => setParams(f === 'all' ? {} : { filtre: f }) },
        })) as never}
      />
      {problem && <Alert severity="error" small description={problem.detail} />}
      {loading && <p role="status">{t('loading')}</p>}
      {data && data.threads.length === 0 && <p>{t('inbox.empty')}</p>}
      {data && data.threads.length > 0 && (
        <div className="fr-table fr-table--no-caption">
          <table>
            <caption>{t('inbox.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('list.columns.reference')}</th>
                <th scope="col">{t('inbox.columns.applicant')}</th>
                <th scope="col">{t('list.columns.subject')}</th>
                <th scope="col">{t('list.columns.due')}</th>
                <th scope="col">{t('inbox.columns.assignee')}</th>
              </tr>
            </thead>
            <tbody>
              {data.threads.map((thread) => (
                <tr key={thread.id}>
                  <td>
                    <Link to={MESSAGE_PATHS.staffThread(thread.id)}>{thread.reference}</Link>
                  </td>
                  <td>{thread.applicantName}</td>
                  <td>
                    {thread.categoryLabel} — {thread.subjectLabel}
                    {thread.applicationReference && <><br /><span className="fr-text--xs">{thread.applicationReference}</span></>}
                  </td>
                  <td>
                    {thread.status === 'answered' ? t('status.answered') : format.shortDate(thread.dueOn)}
                    {thread.overdue && <> <Badge small severity="error" as="span">{t('inbox.overdue')}</Badge></>}
                    {thread.escalated && <> <Badge small severity="warning" as="span">{t('inbox.escalated')}</Badge></>}
                  </td>
                  <td>{thread.assignee?.displayName ?? t('inbox.nobody')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
