/**
 * The work queue of the agent's préfectures (GET /api/v1/staff/applications): filters, search by
 * name, reference or numéro d'étranger, sort, pages; each row with its legal clock (days since
 * filing, the implicit-rejection date and its rule, whether the current document lapses soon).
 * The filters live in the address, so a filtered queue can be bookmarked and reloaded.
 */
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { APPLICATION_STATUSES, QUEUE_SORT_VALUES, type QueuePage as QueuePageBody } from '../../../contract/back-office';
import { useApi } from '../../api/use-api';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useFormat } from '../calculator/use-format';
import { BACK_OFFICE_PATHS } from './paths';
import { StaffGate } from './staff-gate';
import { MESSAGE_PATHS } from '../messages/paths';
import { HELP_DESK_PATHS } from '../help-desk/paths';

const FILTERS = ['q', 'status', 'cardType', 'waitingAtLeast', 'tacitWithin', 'filing', 'overdue', 'assigned', 'flagged', 'sort'] as const;
const PAGE_SIZE = 25;

export function QueuePage() {
  const { t } = useTranslation('staff');
  useDocumentTitle(t('queue.title'));
  return <StaffGate title={t('queue.title')}>{(user) => <Queue supervisor={user.role === 'supervisor'} />}</StaffGate>;
}

function Queue({ supervisor }: { supervisor: boolean }) {
  const { t } = useTranslation(['staff', 'applications', 'back-office', 'help-desk']);
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const [draft, setDraft] = useState<Record<string, string>>(() => Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])));
  const offset = Number(params.get('offset') ?? '0') || 0;
  const query = Object.fromEntries([...FILTERS.map((f) => [f, params.get(f) || undefined]), ['offset', offset], ['limit', PAGE_SIZE]]);
  const { data, problem, loading } = useApi<QueuePageBody>('/staff/applications', { query });

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const [key, value] of Object.entries(draft)) if (value !== '' && value !== 'false') next.set(key, value);
    setParams(next);
  };
  const goTo = (nextOffset: number) => {
    const next = new URLSearchParams(params);
    next.set('offset', String(nextOffset));
    setParams(next);
  };
  const set = (key: string) => (value: string) => setDraft({ ...draft, [key]: value });

  return (
    <div className="fr-container fr-py-6w">
      <h1>{t('queue.title')}</h1>
      <p>
        <Link className="fr-link" to={MESSAGE_PATHS.inbox}>{t('messages:inbox.link')}</Link>
        {' · '}
        <Link className="fr-link" to={HELP_DESK_PATHS.desk}>{t('help-desk:links.desk')}</Link>
        {' · '}
        <Link className="fr-link" to={HELP_DESK_PATHS.postalMail}>{t('help-desk:links.postalMail')}</Link>
      </p>
      {supervisor && (
        <p>
          <Link to={BACK_OFFICE_PATHS.dashboard}>{t('back-office:dashboard.link')}</Link>
        </p>
      )}
      <form onSubmit={apply} aria-labelledby="queue-filters-title" className="fr-mb-4w">
        <h2 id="queue-filters-title" className="fr-h5">
          {t('queue.filters.title')}
        </h2>
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6">
            <Input label={t('queue.filters.q')} hintText={t('queue.filters.qHint')} nativeInputProps={{ id: 'queue-q', type: 'search', value: draft.q ?? '', onChange: (e) => set('q')(e.target.value) }} />
          </div>
          <div className="fr-col-12 fr-col-md-3">
            <Select label={t('queue.filters.status')} nativeSelectProps={{ id: 'queue-status', value: draft.status ?? '', onChange: (e) => set('status')(e.target.value) }}>
              <option value="">{t('queue.filters.openStatuses')}</option>
              {APPLICATION_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`applications:statuses.${status}`)}
                </option>
              ))}
            </Select>
          </div>
          <div className="fr-col-12 fr-col-md-3">
            <Input label={t('queue.filters.cardType')} hintText={t('queue.filters.cardTypeHint')} nativeInputProps={{ id: 'queue-card-type', value: draft.cardType ?? '', onChange: (e) => set('cardType')(e.target.value) }} />
          </div>
          <div className="fr-col-12 fr-col-md-3">
            <Input label={t('queue.filters.waitingAtLeast')} nativeInputProps={{ id: 'queue-waiting', type: 'number', min: 0, value: draft.waitingAtLeast ?? '', onChange: (e) => set('waitingAtLeast')(e.target.value) }} />
          </div>
          <div className="fr-col-12 fr-col-md-3">
            <Input label={t('queue.filters.tacitWithin')} nativeInputProps={{ id: 'queue-tacit', type: 'number', min: 0, value: draft.tacitWithin ?? '', onChange: (e) => set('tacitWithin')(e.target.value) }} />
          </div>
          <div className="fr-col-12 fr-col-md-3">
            <Select label={t('queue.filters.filing')} nativeSelectProps={{ id: 'queue-filing', value: draft.filing ?? '', onChange: (e) => set('filing')(e.target.value) }}>
              <option value="">{t('queue.filters.any')}</option>
              <option value="in_time">{t('queue.filing.in_time')}</option>
              <option value="late">{t('queue.filing.late')}</option>
            </Select>
          </div>
          <div className="fr-col-12 fr-col-md-3">
            <Select label={t('queue.filters.sort')} nativeSelectProps={{ id: 'queue-sort', value: draft.sort ?? '', onChange: (e) => set('sort')(e.target.value) }}>
              {QUEUE_SORT_VALUES.map((sort) => (
                <option key={sort} value={sort}>
                  {t(`queue.sort.${sort}`)}
                </option>
              ))}
            </Select>
          </div>
          <div className="fr-col-12 fr-col-md-3">
            <Select label={t('back-office:queue.assigned')} nativeSelectProps={{ id: 'queue-assigned', value: draft.assigned ?? '', onChange: (e) => set('assigned')(e.target.value) }}>
              <option value="">{t('back-office:queue.assignedAny')}</option>
              <option value="me">{t('back-office:queue.assignedMe')}</option>
              <option value="none">{t('back-office:queue.assignedNone')}</option>
            </Select>
          </div>
          <div className="fr-col-12">
            <Checkbox options={[{ label: t('queue.filters.overdue'), nativeInputProps: { checked: draft.overdue === 'true', onChange: (e) => set('overdue')(String(e.target.checked)) } }]} />
            <Checkbox options={[{ label: t('back-office:queue.flagged'), nativeInputProps: { checked: draft.flagged === 'true', onChange: (e) => set('flagged')(String(e.target.checked)) } }]} />
          </div>
        </div>
        <Button type="submit">{t('queue.filters.apply')}</Button>
      </form>

      {problem && <Alert severity="error" small description={problem.detail} />}
      {loading && <p role="status">{t('loading')}</p>}
      {data && data.rows.length === 0 && <p>{t('queue.empty')}</p>}
      {data && data.rows.length > 0 && (
        <div className="fr-table fr-table--no-caption">
          <table>
            <caption>{t('queue.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('queue.columns.reference')}</th>
                <th scope="col">{t('queue.columns.applicant')}</th>
                <th scope="col">{t('queue.columns.card')}</th>
                <th scope="col">{t('queue.columns.status')}</th>
                <th scope="col">{t('queue.columns.filed')}</th>
                <th scope="col">{t('queue.columns.tacit')}</th>
                <th scope="col">{t('queue.columns.document')}</th>
                <th scope="col">{t('back-office:queue.assignee')}</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row) => (
                <tr key={row.id}>
                  <td>
                    <Link to={BACK_OFFICE_PATHS.caseFile(row.id)}>{row.reference}</Link>
                  </td>
                  <td>
                    {row.applicant.surname?.toUpperCase()} {row.applicant.givenNames}
                    <br />
                    <span className="fr-text--xs">{row.applicant.foreignerNumber}</span>
                  </td>
                  <td>{t(`applications:cardTypes.${row.cardType}.name`, { defaultValue: row.cardType })}</td>
                  <td>
                    {t(`applications:statuses.${row.status}`)}
                    {row.clock.overdue && (
                      <>
                        {' '}
                        <Badge severity="error" small>
                          {t('queue.overdue')}
                        </Badge>
                      </>
                    )}
                    {row.flags.map((flag) => (
                      <span key={flag}>
                        {' '}
                        <Badge severity="warning" small>
                          {t(`back-office:flags.${flag}`)}
                        </Badge>
                      </span>
                    ))}
                    {row.late && (
                      <>
                        {' '}
                        <Badge severity="warning" small>
                          {t(`queue.filing.${row.filingStatus === 'very_late' ? 'very_late' : 'late'}`)}
                        </Badge>
                      </>
                    )}
                  </td>
                  <td>
                    {format.shortDate(row.filedOn)}
                    <br />
                    <span className="fr-text--xs">{t('queue.daysAgo', { count: row.clock.daysSinceFiling })}</span>
                  </td>
                  <td>
                    {row.clock.tacitRefusal ? (
                      <>
                        {format.shortDate(row.clock.tacitRefusal.on)}
                        <br />
                        <span className="fr-text--xs">
                          {t('queue.daysLeft', { count: row.clock.tacitRefusal.daysLeft })} · {row.clock.tacitRefusal.ruleId}
                        </span>
                      </>
                    ) : (
                      t('queue.noDate')
                    )}
                  </td>
                  <td>
                    {row.clock.currentDocument.until ? format.shortDate(row.clock.currentDocument.until) : t('queue.noDate')}
                    {row.clock.currentDocument.lapsesSoon && (
                      <>
                        {' '}
                        <Badge severity="warning" small>
                          {t('queue.lapsesSoon')}
                        </Badge>
                      </>
                    )}
                  </td>
                  <td>{row.assignee?.name ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data && (
        <nav aria-label={t('queue.pagination')} className="fr-mt-2w">
          {offset > 0 && (
            <Button priority="secondary" onClick={() => goTo(Math.max(0, offset - PAGE_SIZE))}>
              {t('queue.previous')}
            </Button>
          )}
          {data.nextOffset !== null && (
            <Button className="fr-ml-2w" priority="secondary" onClick={() => goTo(data.nextOffset ?? 0)}>
              {t('queue.next')}
            </Button>
          )}
        </nav>
      )}
    </div>
  );
}
