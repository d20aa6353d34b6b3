/**
 * /contact: the phone helpline (national, and the applicant's préfecture when known) and the
 * message form: "your request concerns" then "subject" from the server's lists, the application
 * when the category is about one, the text. Sending shows the acknowledgement: reference and the
 * date by which an answer is due.
 */
import { useState, type FormEvent } from 'react';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Contact, Thread } from '../../../contract/messages';
import { api, isApiProblem, type ApiProblem } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useDocumentTitle } from '../../ui/use-document-title';
import { signInPathReturningTo } from '../account/paths';
import { useSession } from '../account/use-session';
import { useFormat } from '../calculator/use-format';
import { MESSAGE_PATHS } from './paths';
import { AttachmentsInput, sendAttachments } from './attachments-input';

export function ContactPage() {
  const { t } = useTranslation('messages');
  useDocumentTitle(t('contact.title'));
  const session = useSession();
  const { data, problem } = useApi<Contact>('/contact', { query: { s: session.status } });
  const applicant = session.status === 'signed-in' && session.user.role === 'applicant';
  return (
    <div className="fr-container fr-py-6w">
      <h1>{t('contact.title')}</h1>
      {problem && <Alert severity="error" small description={problem.detail} />}
      {data && (
        <>
          <section aria-labelledby="contact-phone" className="fr-mb-6w">
            <h2 id="contact-phone">{t('contact.phone.title')}</h2>
            <p>
              {t('contact.phone.national')} <a href={`tel:${data.helpline.phone.replace(/\s/g, '')}`}>{data.helpline.phone}</a>, {data.helpline.hours}.
            </p>
            {data.prefecture && (
              <p>
                {t('contact.phone.prefecture', { name: data.prefecture.name })}{' '}
                {data.prefecture.phone ? <a href={`tel:${data.prefecture.phone.replace(/\s/g, '')}`}>{data.prefecture.phone}</a> : t('contact.phone.notPublished')}
              </p>
            )}
          </section>
          <section aria-labelledby="contact-message">
            <h2 id="contact-message">{t('contact.form.title')}</h2>
            {applicant ? (
              <MessageForm contact={data} />
            ) : (
              <p>
                {t('contact.form.signInFirst')} <Link to={signInPathReturningTo(MESSAGE_PATHS.contact)}>{t('contact.form.signIn')}</Link>
              </p>
            )}
          </section>
        </>
      )}
    </div>
  );
}

function MessageForm({ contact }: { contact: Contact }) {
  const { t } = useTranslation('messages');
  const format = useFormat();
  const applications = useApi<{ items: { id: string; reference: string | null; cardType: string; status: string }[] }>('/applications');
  const [categoryId, setCategoryId] = useState('');
  const [subjectId, setSubjectId] = useState('');
  const [applicationId, setApplicationId] = useState('');
  const [departement, setDepartement] = useState('');
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [problem, setProblem] = useState<ApiProblem>();
  const [sent, setSent] = useState<Thread>();
  const [pending, setPending] = useState(false);
  const category = contact.categories.find((c) => c.id === categoryId);
  const fieldError = (field: string) => problem?.errors.find((e) => e.field === field)?.message;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    setProblem(undefined);
    try {
      const thread = await api.post<Thread>('/messages', {
        categoryId,
        subjectId,
        body,
        ...(category?.concernsApplication && applicationId ? { applicationId } : {}),
        ...(!contact.prefecture && !category?.concernsApplication && departement ? { departement } : {}),
      });
      // The message is sent and acknowledged; a refused file is said without losing it.
      await sendAttachments(thread.thread.id, files).catch((error: unknown) => {
        if (isApiProblem(error)) setProblem(error);
      });
      setSent(thread);
    } catch (error) {
      if (isApiProblem(error)) setProblem(error);
      else throw error;
    } finally {
      setPending(false);
    }
  };

  if (sent) {
    return (
      <>
      {problem && <Alert className="fr-mb-3w" severity="warning" small description={t('contact.sent.fileRefused', { detail: problem.detail })} />}
      <Alert
        severity="success"
        as="h3"
        title={t('contact.sent.title')}
        description={
          <>
            <span data-testid="message-acknowledgement">{t('contact.sent.description', { reference: sent.thread.reference, dueOn: format.shortDate(sent.thread.dueOn) })}</span>{' '}
            <Link to={MESSAGE_PATHS.thread(sent.thread.id)}>{t('contact.sent.open')}</Link>
          </>
        }
      />
      </>
    );
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      {problem && <Alert className="fr-mb-3w" severity="error" small description={problem.detail} />}
      <Select
        label={t('contact.form.category')}
        state={fieldError('categoryId') ? 'error' : 'default'}
        stateRelatedMessage={fieldError('categoryId')}
        nativeSelectProps={{ id: 'message-category', required: true, value: categoryId, onChange: (e) => { setCategoryId(e.target.value); setSubjectId(''); } }}
      >
        <option value="" disabled>{t('contact.form.choose')}</option>
        {contact.categories.map((c) => (
          <option key={c.id} value={c.id}>{c.label}</option>
        ))}
      </Select>
      <Select
        label={t('contact.form.subject')}
        disabled={!category}
        state={fieldError('subjectId') ? 'error' : 'default'}
        stateRelatedMessage={fieldError('subjectId')}
        nativeSelectProps={{ id: 'message-subject', required: true, value: subjectId, onChange: (e) => setSubjectId(e.target.value) }}
      >
        <option value="" disabled>{t('contact.form.choose')}</option>
        {category?.subjects.map((s) => (
          <option key={s.id} value={s.id}>{s.label}</option>
        ))}
      </Select>
      {category?.concernsApplication && (
        <Select
          label={t('contact.form.application')}
          state={fieldError('applicationId') ? 'error' : 'default'}
          stateRelatedMessage={fieldError('applicationId')}
          nativeSelectProps={{ id: 'message-application', required: true, value: applicationId, onChange: (e) => setApplicationId(e.target.value) }}
        >
          <option value="" disabled>{t('contact.form.choose')}</option>
          {applications.data?.items.map((a) => (
            <option key={a.id} value={a.id}>{a.reference ?? t('contact.form.draft')}</option>
          ))}
        </Select>
      )}
      {!contact.prefecture && category && !category.concernsApplication && (
        <Input
          label={t('contact.form.departement')}
          hintText={t('contact.form.departementHint')}
          nativeInputProps={{ id: 'message-departement', value: departement, onChange: (e) => setDepartement(e.target.value.toUpperCase()), maxLength: 3, autoComplete: 'off' }}
        />
      )}
      <Input
        label={t('contact.form.body')}
        textArea
        state={fieldError('body') ? 'error' : 'default'}
        stateRelatedMessage={fieldError('body')}
        nativeTextAreaProps={{ id: 'message-body', required: true, rows: 6, maxLength: 5000, value: body, onChange: (e) => setBody(e.target.value) }}
      />
      <AttachmentsInput id="message-files" onChange={setFiles} />
      <Button type="submit" disabled={pending}>{t('contact.form.send')}</Button>
    </form>
  );
}
