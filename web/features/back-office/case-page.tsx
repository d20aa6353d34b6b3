/**
 * A case file (GET /api/v1/staff/applications/:id): the applicant, the permit history, the
 * documents viewed in the page (PDF in an <iframe>, images in an <img>, both from the inline
 * route), the requests, the attestations, the history, every date with its rule and explanation,
 * and the action forms the transition table allows in the current status.
 */
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CaseFile } from '../../../contract/back-office';
import { API_BASE, api, isApiProblem } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useFormat } from '../calculator/use-format';
import { BACK_OFFICE_PATHS } from './paths';
import { StaffGate } from './staff-gate';
import { MESSAGE_PATHS } from '../messages/paths';
import { CaseWork } from './case-work';

export function CasePage() {
  const { t } = useTranslation('staff');
  useDocumentTitle(t('case.title'));
  return <StaffGate title={t('case.title')}>{() => <Case />}</StaffGate>;
}

function Case() {
  const { t } = useTranslation(['staff', 'applications']);
  const format = useFormat();
  const { id = '' } = useParams();
  const { data, problem, loading, reload } = useApi<CaseFile>(`/staff/applications/${id}`);
  const [viewing, setViewing] = useState<string>();
  // Kept here: the case reloads after an action, and the confirmation must survive it.
  const [notice, setNotice] = useState<string>();
  if (loading && !data) return <div className="fr-container fr-py-6w"><h1>{t('case.title')}</h1><p role="status">{t('loading')}</p></div>;
  if (problem || !data) {
    return (
      <div className="fr-container fr-py-6w">
        <h1>{t('case.title')}</h1>
        <Alert severity="error" small description={problem?.detail ?? ''} />
        <Link to={BACK_OFFICE_PATHS.queue}>{t('case.back')}</Link>
      </div>
    );
  }
  const { application, applicant } = data;
  const viewed = data.documents.find((d) => d.id === viewing);
  const contentUrl = (documentId: string) => `${API_BASE}/staff/applications/${application.id}/documents/${documentId}/content`;

  return (
    <div className="fr-container fr-py-6w">
      <Link to={BACK_OFFICE_PATHS.queue}>{t('case.back')}</Link>
      <h1>{t('case.heading', { reference: application.reference })}</h1>
      <p className="fr-text--lead">
        {t(`applications:statuses.${application.status}`)} · {t(`applications:cardTypes.${application.cardType}.name`, { defaultValue: application.cardType })} ·{' '}
        {application.prefecture.name}
      </p>

      <section aria-labelledby="case-applicant">
        <h2 id="case-applicant">{t('case.applicant')}</h2>
        <dl>
          <dt>{t('case.name')}</dt>
          <dd>
            {applicant.surname?.toUpperCase()} {applicant.givenNames}
          </dd>
          <dt>{t('case.birth')}</dt>
          <dd>
            {applicant.birthDate ? format.shortDate(applicant.birthDate) : '—'} {applicant.birthPlace ?? ''} · {applicant.nationality ?? ''}
          </dd>
          <dt>{t('case.foreignerNumber')}</dt>
          <dd>{applicant.foreignerNumber ?? '—'}</dd>
          <dt>{t('case.contact')}</dt>
          <dd>
            {applicant.email ?? '—'} {applicant.phone ?? ''} {applicant.address ?? ''}
          </dd>
        </dl>
      </section>

      <section aria-labelledby="case-clock">
        <h2 id="case-clock">{t('case.dates')}</h2>
        <p>
          {t('case.filed', { date: format.shortDate(application.filedOn), count: data.clock?.daysSinceFiling ?? 0 })} ·{' '}
          {t(`queue.filing.${application.filingStatus === 'in_time' ? 'in_time' : application.filingStatus === 'very_late' ? 'very_late' : 'late'}`)}
        </p>
        <div className="fr-table">
          <table>
            <caption>{t('case.datesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('case.date')}</th>
                <th scope="col">{t('case.rule')}</th>
                <th scope="col">{t('case.explanation')}</th>
              </tr>
            </thead>
            <tbody>
              {(data.clock?.dates ?? []).map((d) => (
                <tr key={`${d.id}-${d.on}`}>
                  <td>{format.shortDate(d.on)}</td>
                  <td>
                    {d.ruleId} · {d.citation}
                  </td>
                  <td>{d.explanation}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="case-permits">
        <h2 id="case-permits">{t('case.permits')}</h2>
        <ul>
          {data.permits.map((p) => (
            <li key={p.id}>
              {t(`applications:cardTypes.${p.cardType}.name`, { defaultValue: p.cardType })} ({p.kind}) {format.shortDate(p.validFromOn)} → {format.shortDate(p.validUntilOn)}
              {p.current ? ` · ${t('case.currentPermit')}` : ''}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="case-documents">
        <h2 id="case-documents">{t('case.documents')}</h2>
        <ul>
          {data.documents.map((d) => (
            <li key={d.id}>
              {t(`applications:documents.${d.checklistItemId}.name`, { defaultValue: d.checklistItemId })} — {d.filename}{' '}
              <Button priority="tertiary" size="small" onClick={() => setViewing(d.id)} aria-label={t('case.viewNamed', { name: d.filename })}>
                {t('case.view')}
              </Button>
            </li>
          ))}
        </ul>
        {viewed && (
          <figure className="fr-mt-2w">
            {viewed.mediaType === 'application/pdf' ? (
              <iframe title={viewed.filename} src={contentUrl(viewed.id)} width="100%" height="700" />
            ) : (
              <img src={contentUrl(viewed.id)} alt={t('case.documentAlt', { name: viewed.filename })} style={{ maxWidth: '100%' }} />
            )}
            <figcaption>{viewed.filename}</figcaption>
          </figure>
        )}
      </section>

      <section aria-labelledby="case-requests">
        <h2 id="case-requests">{t('case.requests')}</h2>
        {data.requests.length === 0 ? (
          <p>{t('case.noRequest')}</p>
        ) : (
          <ul>
            {data.requests.map((r) => (
              <li key={r.id}>
                {r.items.map((item) => t(`applications:documents.${item}.name`, { defaultValue: item })).join(', ')} —{' '}
                {t('case.due', { date: format.shortDate(r.dueOn) })}
                {r.answeredOn ? ` · ${t('case.answered', { date: format.shortDate(r.answeredOn) })}` : ''}
                {r.overdue ? ` · ${t('queue.overdue')}` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="case-attestations">
        <h2 id="case-attestations">{t('case.attestations')}</h2>
        <ul>
          {data.attestations.map((a) => (
            <li key={a.id}>
              {t(`case.attestationKinds.${a.kind}`)} — {format.shortDate(a.issuedOn)}
              {a.superseded ? ` · ${t('case.superseded')}` : ''}
            </li>
          ))}
        </ul>
      </section>

      {data.failedDeliveries.length > 0 && (
        <section aria-labelledby="case-failed-deliveries">
          <h2 id="case-failed-deliveries">{t('case.failedDeliveries.title')}</h2>
          <p>{t('case.failedDeliveries.lead')}</p>
          <ul>
            {data.failedDeliveries.map((d) => (
              <li key={`${d.kind}-${d.channel}-${d.dueOn}`}>
                {t('case.failedDeliveries.line', {
                  kind: t(`case.failedDeliveries.kinds.${d.kind}`, { defaultValue: d.kind }),
                  channel: t(`case.failedDeliveries.channels.${d.channel}`, { defaultValue: d.channel }),
                  date: format.shortDate(d.dueOn),
                  attempts: d.attempts,
                })}
              </li>
            ))}
          </ul>
        </section>
      )}

      {data.messageThreads.length > 0 && (
        <section aria-labelledby="case-messages">
          <h2 id="case-messages">{t('messages:case.title')}</h2>
          <ul>
            {data.messageThreads.map((m) => (
              <li key={m.id}>
                <Link to={MESSAGE_PATHS.staffThread(m.id)}>{m.reference}</Link> — {t(`messages:status.${m.status}`)}
                {m.status === 'awaiting_answer' && <> ({t('messages:thread.dueOn', { date: format.shortDate(m.dueOn) })})</>}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="case-history">
        <h2 id="case-history">{t('case.history')}</h2>
        <ol>
          {data.history.map((h) => (
            <li key={h.sequence}>
              {new Date(h.at).toLocaleString()} — {t(`applications:events.${h.event}`)} ({t(`case.actors.${h.actorKind}`)}
              {h.actorName ? ` · ${h.actorName}` : ''})
            </li>
          ))}
        </ol>
      </section>

      {notice && <Alert className="fr-mt-4w" severity="success" small description={notice} />}
      <CaseWork
        file={data}
        onDone={(message) => {
          setNotice(message);
          reload();
        }}
      />
      <Actions
        file={data}
        onDone={(message) => {
          setNotice(message);
          reload();
        }}
      />
    </div>
  );
}

function Actions({ file, onDone }: { file: CaseFile; onDone: (message: string) => void }) {
  const { t } = useTranslation(['staff', 'applications']);
  const [error, setError] = useState<string>();
  const [items, setItems] = useState<string[]>([]);
  const [dueOn, setDueOn] = useState('');
  const [reasons, setReasons] = useState('');
  const base = `/staff/applications/${file.application.id}`;
  const expected = { expectedUpdatedAt: file.application.updatedAt };
  const checklist = [...new Set(file.documents.map((d) => d.checklistItemId))];

  const run = (action: string, path: string, body: unknown) => async (event?: FormEvent) => {
    event?.preventDefault();
    setError(undefined);
    try {
      await api.post(`${base}${path}`, body);
      onDone(t(`case.actions.${action}.done`));
    } catch (failure) {
      setError(isApiProblem(failure) ? failure.detail : String(failure));
    }
  };
  const allowed = (action: string) => file.allowedActions.includes(action);
  if (file.allowedActions.length === 0) return null;

  return (
    <section aria-labelledby="case-actions" className="fr-mt-4w">
      <h2 id="case-actions">{t('case.actions.title')}</h2>
      {error && <Alert className="fr-mb-2w" severity="error" small description={error} />}
      {allowed('declareComplete') && (
        <Button className="fr-mb-2w" onClick={() => void run('declareComplete', '/complete', expected)()}>
          {t('case.actions.declareComplete.button')}
        </Button>
      )}
      {allowed('decideFavourably') && (
        <Button className="fr-mb-2w" onClick={() => void run('decideFavourably', '/favourable-decision', expected)()}>
          {t('case.actions.decideFavourably.button')}
        </Button>
      )}
      {allowed('requestDocuments') && (
        <form onSubmit={(event) => void run('requestDocuments', '/document-requests', { items, dueOn })(event)} className="fr-mb-4w">
          <fieldset className="fr-fieldset">
            <legend className="fr-fieldset__legend">{t('case.actions.requestDocuments.legend')}</legend>
            {checklist.map((item) => (
              <div className="fr-fieldset__element" key={item}>
                <div className="fr-checkbox-group">
                  <input
                    type="checkbox"
                    id={`request-${item}`}
                    checked={items.includes(item)}
                    onChange={(e) => setItems(e.target.checked ? [...items, item] : items.filter((i) => i !== item))}
                  />
                  <label className="fr-label" htmlFor={`request-${item}`}>
                    {t(`applications:documents.${item}.name`, { defaultValue: item })}
                  </label>
                </div>
              </div>
            ))}
          </fieldset>
          <Input label={t('case.actions.requestDocuments.dueOn')} nativeInputProps={{ id: 'request-due-on', type: 'date', value: dueOn, onChange: (e) => setDueOn(e.target.value) }} />
          <Button type="submit" priority="secondary">
            {t('case.actions.requestDocuments.button')}
          </Button>
        </form>
      )}
      {allowed('refuse') && (
        <form onSubmit={(event) => void run('refuse', '/refusal', { reasons: reasons.split(/\n\s*\n/).filter((r) => r.trim() !== ''), ...expected })(event)}>
          <Input
            textArea
            label={t('case.actions.refuse.reasons')}
            hintText={t('case.actions.refuse.hint')}
            nativeTextAreaProps={{ id: 'refuse-reasons', value: reasons, onChange: (e) => setReasons(e.target.value), rows: 4 }}
          />
          <Button type="submit" priority="secondary">
            {t('case.actions.refuse.button')}
          </Button>
        </form>
      )}
    </section>
  );
}
