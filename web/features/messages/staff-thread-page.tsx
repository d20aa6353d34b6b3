/**
 * /agent/messages/:id: one thread for an agent: the conversation, assignment (to me or a colleague
 * of the préfecture), a reply that can start from a template. Replying marks it answered and tells
 * the applicant.
 */
import { useState, type FormEvent } from 'react';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { MeBody } from '../../../contract/accounts';
import type { StaffThread } from '../../../contract/messages';
import { API_BASE, api, isApiProblem, type ApiProblem } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useDocumentTitle } from '../../ui/use-document-title';
import { BACK_OFFICE_PATHS } from '../back-office/paths';
import { StaffGate } from '../back-office/staff-gate';
import { useFormat } from '../calculator/use-format';
import { MESSAGE_PATHS } from './paths';
import { ThreadMessages } from './thread-messages';

export function StaffThreadPage() {
  const { t } = useTranslation('messages');
  useDocumentTitle(t('thread.title'));
  return <StaffGate title={t('thread.title')}>{(user) => <StaffThreadView user={user} />}</StaffGate>;
}

function StaffThreadView({ user }: { user: MeBody }) {
  const { t } = useTranslation('messages');
  const format = useFormat();
  const { id = '' } = useParams();
  const { data, problem, reload } = useApi<StaffThread>(`/staff/messages/${id}`);
  const [body, setBody] = useState('');
  const [assignee, setAssignee] = useState('');
  const [actionProblem, setActionProblem] = useState<ApiProblem>();
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState<string>();

  const run = async (action: () => Promise<unknown>, message: string) => {
    if (pending) return;
    setPending(true);
    setActionProblem(undefined);
    setDone(undefined);
    try {
      await action();
      setDone(message);
      reload();
    } catch (error) {
      if (isApiProblem(error)) setActionProblem(error);
      else throw error;
    } finally {
      setPending(false);
    }
  };
  const assign = (userId: string) => run(() => api.put(`/staff/messages/${id}/assignee`, { userId }), t('staff.assigned'));
  const reply = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await api.post(`/staff/messages/${id}/replies`, { body });
      setBody('');
    }, t('staff.replied'));
  };

  return (
    <div className="fr-container fr-py-6w">
      <p>
        <Link className="fr-link fr-icon-arrow-left-line fr-link--icon-left" to={MESSAGE_PATHS.inbox}>{t('inbox.title')}</Link>
      </p>
      <h1>{data ? t('thread.heading', { reference: data.thread.reference }) : t('thread.title')}</h1>
      {problem && <Alert severity="error" small description={problem.detail} />}
      {actionProblem && <Alert className="fr-mb-2w" severity="error" small description={actionProblem.detail} />}
      {done && <Alert className="fr-mb-2w" severity="success" small description={done} />}
      {data && (
        <>
          <p>
            {data.thread.applicantName} · {data.thread.categoryLabel} — {data.thread.subjectLabel}
            {data.thread.applicationId && (
              <> · <Link to={BACK_OFFICE_PATHS.caseFile(data.thread.applicationId)}>{data.thread.applicationReference ?? t('contact.form.draft')}</Link></>
            )}
          </p>
          <p>
            <Badge small noIcon severity={data.thread.status === 'answered' ? 'success' : 'info'} as="span">{t(`status.${data.thread.status}`)}</Badge>{' '}
            {data.thread.status === 'awaiting_answer' && t('thread.dueOn', { date: format.shortDate(data.thread.dueOn) })}{' '}
            {data.thread.escalated && <Badge small severity="warning" as="span">{t('inbox.escalated')}</Badge>}
          </p>
          <p>{t('staff.assignee', { name: data.thread.assignee?.displayName ?? t('inbox.nobody') })}</p>
          <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom fr-mb-4w">
            <div className="fr-col-12 fr-col-md-4">
              <Button priority="secondary" disabled={pending || data.thread.assignee?.id === user.id} onClick={() => void assign(user.id)}>{t('staff.assignToMe')}</Button>
            </div>
            <div className="fr-col-12 fr-col-md-5">
              <Select label={t('staff.colleague')} nativeSelectProps={{ id: 'thread-colleague', value: assignee, onChange: (e) => setAssignee(e.target.value) }}>
                <option value="" disabled>{t('contact.form.choose')}</option>
                {data.colleagues.map((c) => <option key={c.id} value={c.id}>{c.displayName}</option>)}
              </Select>
            </div>
            <div className="fr-col-12 fr-col-md-3">
              <Button priority="secondary" disabled={pending || !assignee} onClick={() => void assign(assignee)}>{t('staff.assign')}</Button>
            </div>
          </div>
          <ThreadMessages messages={data.messages} attachmentUrl={(fileId) => `${API_BASE}/staff/messages/${id}/attachments/${fileId}`} />
          <form onSubmit={reply} noValidate aria-labelledby="staff-reply">
            <h2 id="staff-reply" className="fr-h5">{t('staff.reply')}</h2>
            <Select label={t('staff.template')} nativeSelectProps={{ id: 'reply-template', value: '', onChange: (e) => setBody(data.templates.find((tpl) => tpl.id === e.target.value)?.body ?? body) }}>
              <option value="">{t('staff.noTemplate')}</option>
              {data.templates.map((tpl) => <option key={tpl.id} value={tpl.id}>{tpl.title}</option>)}
            </Select>
            <Input label={t('staff.replyBody')} textArea nativeTextAreaProps={{ id: 'reply-body', rows: 8, maxLength: 5000, value: body, onChange: (e) => setBody(e.target.value) }} />
            <Button type="submit" disabled={pending || body.trim() === ''}>{t('staff.send')}</Button>
          </form>
        </>
      )}
    </div>
  );
}
