/** /espace/messages/:id: one conversation with the préfecture, and a form to write again. */
import { useState, type FormEvent } from 'react';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Thread } from '../../../contract/messages';
import { API_BASE, api, isApiProblem, type ApiProblem } from '../../api/client';
import { AttachmentsInput, sendAttachments } from './attachments-input';
import { useApi } from '../../api/use-api';
import { useDocumentTitle } from '../../ui/use-document-title';
import { RequireSession } from '../account/require-session';
import { useFormat } from '../calculator/use-format';
import { MESSAGE_PATHS } from './paths';
import { ThreadMessages } from './thread-messages';

export function ThreadPage() {
  const { t } = useTranslation('messages');
  useDocumentTitle(t('thread.title'));
  return <RequireSession title={t('thread.title')}>{() => <ThreadView />}</RequireSession>;
}

function ThreadView() {
  const { t } = useTranslation('messages');
  const format = useFormat();
  const { id = '' } = useParams();
  const { data, problem, reload } = useApi<Thread>(`/messages/${id}`);
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [sendProblem, setSendProblem] = useState<ApiProblem>();
  const [pending, setPending] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    setSendProblem(undefined);
    try {
      await api.post(`/messages/${id}/messages`, { body });
      setBody('');
      try {
        await sendAttachments(id, files);
      } finally {
        setFiles([]);
        reload();
      }
    } catch (error) {
      if (isApiProblem(error)) setSendProblem(error);
      else throw error;
    } finally {
      setPending(false);
    }
  };
  return (
    <div className="fr-container fr-py-6w">
      <p>
        <Link className="fr-link fr-icon-arrow-left-line fr-link--icon-left" to={MESSAGE_PATHS.list}>{t('list.title')}</Link>
      </p>
      <h1>{data ? t('thread.heading', { reference: data.thread.reference }) : t('thread.title')}</h1>
      {problem && <Alert severity="error" small description={problem.detail} />}
      {data && (
        <>
          <p>
            {data.thread.categoryLabel} — {data.thread.subjectLabel} · {data.thread.prefectureName}
            {data.thread.applicationReference && <> · {data.thread.applicationReference}</>}
          </p>
          <p>
            <Badge small noIcon severity={data.thread.status === 'answered' ? 'success' : 'info'} as="span">
              {t(`status.${data.thread.status}`)}
            </Badge>{' '}
            {data.thread.status === 'awaiting_answer' && t('thread.dueOn', { date: format.shortDate(data.thread.dueOn) })}
          </p>
          <ThreadMessages messages={data.messages} attachmentUrl={(fileId) => `${API_BASE}/messages/${id}/attachments/${fileId}`} />
          <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="thread-write">
            <h2 id="thread-write" className="fr-h5">{t('thread.write')}</h2>
            {sendProblem && <Alert className="fr-mb-2w" severity="error" small description={sendProblem.detail} />}
            <Input label={t('contact.form.body')} textArea nativeTextAreaProps={{ id: 'thread-body', rows: 4, maxLength: 5000, value: body, onChange: (e) => setBody(e.target.value) }} />
            <AttachmentsInput key={data.messages.length} id="thread-files" onChange={setFiles} />
            <Button type="submit" disabled={pending}>{t('contact.form.send')}</Button>
          </form>
        </>
      )}
    </div>
  );
}
