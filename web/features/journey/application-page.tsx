/**
 * One application (/espace/demandes/:id, GET /api/v1/applications/:id). As a draft: the filing
 * window, the situation questions (saved as they are answered), the checklist with an upload per
 * item, and filing (one Idempotency-Key per page: a double click or a retry files once). Once
 * filed: the status, the préfecture's requests with their list, deadline and answer, adding a
 * document, correcting details, withdrawing (confirmed first), the attestations and the history.
 */
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { ApplicationBody, CardTypeListBody } from '../../../contract/applications';
import { api, isApiProblem, type ApiProblem } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useLanguage } from '../../i18n';
import { ErrorSummary } from '../../ui/error-summary';
import { useDocumentTitle } from '../../ui/use-document-title';
import { FocusedNotice } from '../account/form';
import { useFormat } from '../calculator/use-format';
import { attestationPdfUrl, type AttestationList } from '../procedures/attestations';
import { DocumentItem } from './document-item';
import { BackHome, ScopeGate, usePersonScope } from './person-scope';
import { ActingForBanner } from '../help-desk/acting-for-banner';
import { ApplicationHelp } from '../help/application-help';
import { DecisionEstimateSection } from '../statistics/decision-estimate-section';
import { STATUS_SEVERITY } from './status-severity';

type Card = CardTypeListBody['items'][number];
type Answers = ApplicationBody['answers'];
type AnswerValue = boolean | string;

const CLOSED = new Set(['decided_favourable', 'refused', 'withdrawn']);

export function ApplicationPage() {
  const { t } = useTranslation('journey');
  useDocumentTitle(t('application.documentTitle'));
  const { id = '' } = useParams();
  return <ScopeGate title={t('application.documentTitle')}>{() => <ApplicationLoader id={id} />}</ScopeGate>;
}

function ApplicationLoader({ id }: { id: string }) {
  const { t } = useTranslation(['journey', 'account']);
  const scope = usePersonScope();
  const loaded = useApi<ApplicationBody>(scope.api(`/applications/${encodeURIComponent(id)}`));
  const catalogue = useApi<CardTypeListBody>('/card-types');
  const [current, setCurrent] = useState<ApplicationBody>();
  const application = current ?? loaded.data;
  const card = catalogue.data?.items.find((item) => item.id === application?.cardType);

  const refresh = async () => setCurrent(await api.get<ApplicationBody>(scope.api(`/applications/${encodeURIComponent(id)}`)));

  return (
    <div className="fr-container fr-py-6w">
      <div className="fr-grid-row fr-grid-row--center">
        <div className="fr-col-12 fr-col-md-10 fr-col-lg-8">
          <ActingForBanner />
          {application === undefined && <h1>{t('application.documentTitle')}</h1>}
          {loaded.loading && <p role="status">{t('account:loading')}</p>}
          {loaded.problem !== undefined && application === undefined && (
            <>
              <Alert className="fr-mb-4w" severity="error" as="h2" title={loaded.problem.title} description={loaded.problem.detail} />
              <Button onClick={loaded.reload}>{t('account:retry')}</Button>
            </>
          )}
          {application !== undefined && <ApplicationView application={application} card={card} onChange={setCurrent} refresh={refresh} />}
          <BackHome />
        </div>
      </div>
    </div>
  );
}

interface ViewProps {
  application: ApplicationBody;
  card: Card | undefined;
  onChange: (application: ApplicationBody) => void;
  refresh: () => Promise<void>;
}

function ApplicationView(props: ViewProps) {
  const { application } = props;
  const { t } = useTranslation(['journey', 'applications']);
  const format = useFormat();
  const severity = STATUS_SEVERITY[application.status];
  const draft = application.status === 'draft';
  const closed = CLOSED.has(application.status);
  return (
    <>
      <h1>{t('application.title', { card: t(`applications:cardTypes.${application.cardType}.name`, { defaultValue: application.cardType }) })}</h1>
      <p data-testid="application-status">
        {severity === undefined ? <Badge as="span">{t(`applications:statuses.${application.status}`)}</Badge> : <Badge as="span" severity={severity}>{t(`applications:statuses.${application.status}`)}</Badge>}
      </p>
      <ul>
        {application.reference !== null && (
          <li>
            {t('application.reference')} <strong data-testid="application-reference">{application.reference}</strong>
          </li>
        )}
        {application.filedOn !== null && <li>{t('application.filedOn', { date: format.longDate(application.filedOn) })}</li>}
        <li>{t('application.prefecture', { name: application.prefecture.name })}</li>
        <li>{t('application.foreignerNumber', { number: application.foreignerNumber })}</li>
      </ul>
      <FilingSection application={application} />
      {!draft && !closed && <DecisionEstimateSection applicationId={application.id} />}
      {draft ? (
        <>
          <QuestionsSection {...props} />
          <ChecklistSection {...props} editable />
          <SubmitSection {...props} />
        </>
      ) : (
        <>
          <RequestsSection {...props} />
          <ApplicationHelp application={application} />
          {!closed && <ChecklistSection {...props} editable={false} />}
          {!closed && <CorrectionSection {...props} />}
          <AttestationsOfApplication key={`${application.status}-${application.history.length}`} applicationId={application.id} />
          {!closed && <WithdrawSection {...props} />}
        </>
      )}
      <HistorySection application={application} />
    </>
  );
}

function FilingSection({ application }: { application: ApplicationBody }) {
  const { t } = useTranslation(['journey', 'applications']);
  const format = useFormat();
  const { filing } = application;
  const dates = { opensOn: format.longDate(filing.opensOn), closesOn: format.longDate(filing.closesOn) };
  return (
    <section aria-labelledby="application-filing" className="fr-mb-4w">
      <h2 id="application-filing">{t(application.filedOn === null ? 'application.filing.titleDraft' : 'application.filing.titleFiled')}</h2>
      <p>
        <Badge as="span" severity={filing.status === 'in_time' ? 'success' : filing.status === 'too_early' ? 'info' : 'warning'} small>
          {t(`applications:filing.${filing.status}`, dates)}
        </Badge>
      </p>
      <p>{t('application.filing.window', dates)}</p>
      {filing.consequences.length > 0 && (
        <ul>
          {filing.consequences.map((consequence) => (
            <li key={consequence.code}>
              {t(`applications:consequences.${consequence.code}`, { amountEur: consequence.amountEur ?? '' })} <span className="fr-text--sm">({consequence.citation})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The card's situation questions as radio groups; `onAnswer` gets the whole new set of answers. */
function QuestionFields({ card, answers, onAnswer, idPrefix, disabled }: { card: Card; answers: Answers; onAnswer: (answers: Answers) => void; idPrefix: string; disabled?: boolean }) {
  return (
    <>
      {card.questions.map((question) => {
        const current = (answers as Record<string, AnswerValue | undefined>)[question.id];
        return (
          <RadioButtons
            key={question.id}
            id={`${idPrefix}-${question.id}`}
            name={`${idPrefix}-${question.id}`}
            legend={question.label}
            disabled={disabled ?? false}
            orientation="horizontal"
            options={question.values.map((value) => ({
              label: value.label,
              nativeInputProps: {
                value: String(value.value),
                checked: current === value.value,
                onChange: () => onAnswer({ ...answers, [question.id]: value.value }),
              },
            }))}
          />
        );
      })}
    </>
  );
}

function ProblemAlert({ problem }: { problem: ApiProblem | undefined }) {
  if (problem === undefined) return null;
  return (
    <ErrorSummary
      title={problem.title}
      detail={problem.detail !== problem.title ? problem.detail : undefined}
      items={problem.errors.map((error) => ({ key: `${error.field}-${error.message}`, message: error.message }))}
      focusKey={problem}
    />
  );
}

function QuestionsSection({ application, card, onChange }: ViewProps) {
  const { t } = useTranslation('journey');
  const scope = usePersonScope();
  const [problem, setProblem] = useState<ApiProblem>();
  const [saving, setSaving] = useState(false);
  // What the person chose, shown at once; the saved answers come back from the server.
  const [shown, setShown] = useState<Answers>(application.answers);
  if (card === undefined || card.questions.length === 0) return null;
  const save = async (answers: Answers) => {
    setShown(answers);
    setProblem(undefined);
    setSaving(true);
    try {
      const saved = await api.patch<ApplicationBody>(scope.api(`/applications/${encodeURIComponent(application.id)}`), { answers });
      onChange(saved);
    } catch (error) {
      if (!isApiProblem(error)) throw error;
      setProblem(error);
      setShown(application.answers);
    } finally {
      setSaving(false);
    }
  };
  return (
    <section aria-labelledby="application-questions" className="fr-mb-4w">
      <h2 id="application-questions">{t('application.questions.title')}</h2>
      <p>{t('application.questions.intro')}</p>
      <ProblemAlert problem={problem} />
      <QuestionFields card={card} answers={shown} onAnswer={(answers) => void save(answers)} idPrefix="question" />
      <p role="status" className="fr-text--sm">
        {saving ? t('application.questions.saving') : ''}
      </p>
    </section>
  );
}

function ChecklistSection({ application, card, refresh, editable }: ViewProps & { editable: boolean }) {
  const { t } = useTranslation(['journey', 'applications']);
  const entries = application.checklist.filter((entry) => entry.need !== 'not_needed' || entry.documents.length > 0);
  const hidden = application.checklist.length - entries.length;
  return (
    <section aria-labelledby="application-documents" className="fr-mb-4w">
      <h2 id="application-documents">{t(editable ? 'application.documents.title' : 'application.documents.titleFiled')}</h2>
      <p>{t(editable ? 'application.documents.intro' : 'application.documents.introFiled')}</p>
      <p className="fr-text--sm">
        {t('application.documents.storage', {
          used: Math.round((application.storage.usedBytes / (1024 * 1024)) * 10) / 10,
          limit: Math.round(application.storage.limitBytes / (1024 * 1024)),
        })}
      </p>
      <ul className="sejour-plain-list">
        {entries.map((entry) => {
          const document = card?.documents.find((item) => item.id === entry.itemId);
          return (
            <DocumentItem
              key={entry.itemId}
              applicationId={application.id}
              itemId={entry.itemId}
              name={document?.name ?? t(`applications:documents.${entry.itemId}.name`, { defaultValue: entry.itemId })}
              {...(document === undefined ? {} : { hint: document.hint })}
              badge={t(entry.need === 'unknown' ? 'application.documents.needUnknown' : entry.requirement === 'required' ? 'application.documents.required' : 'application.documents.conditional')}
              accepts={entry.accepts}
              maxFiles={entry.maxFiles}
              maxFileBytes={application.storage.maxFileBytes}
              documents={entry.documents}
              editable={editable}
              canAdd
              onChanged={refresh}
            />
          );
        })}
      </ul>
      {hidden > 0 && <p className="fr-text--sm">{t('application.documents.notNeeded', { count: hidden })}</p>}
    </section>
  );
}

function SubmitSection({ application, onChange }: ViewProps) {
  const { t } = useTranslation(['journey', 'applications']);
  // One key for this page: a double click, or a retry after a network error, files once.
  const key = useRef(crypto.randomUUID());
  const scope = usePersonScope();
  const { pending, problem, run } = useAction();
  const missing = application.missingDocuments.length + application.unansweredQuestions.length;

  const submit = () =>
    run(async () => {
      onChange(await api.post<ApplicationBody>(scope.api(`/applications/${encodeURIComponent(application.id)}/submit`), undefined, { headers: { 'idempotency-key': key.current } }));
    });

  return (
    <section aria-labelledby="application-submit" className="fr-mb-4w">
      <h2 id="application-submit">{t('application.submit.title')}</h2>
      {missing > 0 && (
        <div className="fr-mb-2w">
          <p>{t('application.submit.missing', { count: missing })}</p>
          <ul>
            {application.unansweredQuestions.map((question) => (
              <li key={question}>{t(`applications:questions.${question}.label`)}</li>
            ))}
            {application.missingDocuments.map((item) => (
              <li key={item}>{t(`applications:documents.${item}.name`, { defaultValue: item })}</li>
            ))}
          </ul>
        </div>
      )}
      <ProblemAlert problem={problem} />
      <p>{t('application.submit.intro')}</p>
      <Button onClick={() => void submit()} disabled={pending} data-testid="submit-application">
        {pending ? t('sending') : t('application.submit.button')}
      </Button>
    </section>
  );
}

function RequestsSection({ application, card, onChange, refresh }: ViewProps) {
  const { t } = useTranslation(['journey', 'applications']);
  const format = useFormat();
  const [problem, setProblem] = useState<{ requestId: string; problem: ApiProblem }>();
  const [pending, setPending] = useState<string>();
  const scope = usePersonScope();
  if (application.documentRequests.length === 0) return null;

  const answer = async (requestId: string) => {
    if (pending !== undefined) return;
    setPending(requestId);
    setProblem(undefined);
    try {
      onChange(await api.post<ApplicationBody>(scope.api(`/applications/${encodeURIComponent(application.id)}/document-requests/${encodeURIComponent(requestId)}/answer`)));
    } catch (error) {
      if (!isApiProblem(error)) throw error;
      setProblem({ requestId, problem: error });
    } finally {
      setPending(undefined);
    }
  };

  return (
    <section aria-labelledby="application-requests" className="fr-mb-4w">
      <h2 id="application-requests">{t('application.requests.title')}</h2>
      {application.documentRequests.map((request) => (
        <div key={request.id} className="fr-mb-4w" data-testid="document-request">
          <h3 className="fr-h5">
            {t('application.requests.item', { requestedOn: format.shortDate(request.requestedOn) })}
          </h3>
          {request.open ? (
            <Alert severity={request.overdue ? 'error' : 'warning'} small description={t(request.overdue ? 'application.requests.overdue' : 'application.requests.dueOn', { date: format.longDate(request.dueOn) })} className="fr-mb-2w" />
          ) : (
            <p>{t('application.requests.answeredOn', { date: format.longDate(request.answeredOn ?? request.dueOn) })}</p>
          )}
          <p>{t('application.requests.list')}</p>
          <ul className="sejour-plain-list">
            {request.entries.map((entry) => {
              const checklist = application.checklist.find((item) => item.itemId === entry.itemId);
              return (
                <DocumentItem
                  key={entry.itemId}
                  applicationId={application.id}
                  itemId={entry.itemId}
                  name={entry.name}
                  hint={entry.hint}
                  accepts={checklist?.accepts ?? card?.documents.find((item) => item.id === entry.itemId)?.accepts ?? ['application/pdf', 'image/jpeg', 'image/png']}
                  maxFiles={Math.max(checklist?.maxFiles ?? 1, entry.documents.length + 1)}
                  maxFileBytes={application.storage.maxFileBytes}
                  documents={entry.documents}
                  editable={false}
                  canAdd={request.open}
                  onChanged={refresh}
                />
              );
            })}
          </ul>
          {request.open && (
            <>
              <ProblemAlert problem={problem?.requestId === request.id ? problem.problem : undefined} />
              <Button onClick={() => void answer(request.id)} disabled={pending !== undefined}>
                {pending === request.id ? t('sending') : t('application.requests.answer')}
              </Button>
            </>
          )}
        </div>
      ))}
    </section>
  );
}

function CorrectionSection({ application, card, onChange }: ViewProps) {
  const { t } = useTranslation('journey');
  const [open, setOpen] = useState(false);
  const [answers, setAnswers] = useState<Answers>(application.answers);
  const [note, setNote] = useState('');
  const { pending, problem, run } = useAction();
  const [done, setDone] = useState(false);
  const scope = usePersonScope();
  if (card === undefined || card.questions.length === 0) return null;

  const send = () =>
    run(async () => {
      onChange(await api.post<ApplicationBody>(scope.api(`/applications/${encodeURIComponent(application.id)}/corrections`), { answers, ...(note.trim() === '' ? {} : { note }) }));
      setDone(true);
      setOpen(false);
      setNote('');
    });

  return (
    <section aria-labelledby="application-correct" className="fr-mb-4w">
      <h2 id="application-correct">{t('application.correct.title')}</h2>
      <p>{t('application.correct.intro')}</p>
      {done && (
        <FocusedNotice>
          <Alert severity="success" small description={t('application.correct.done')} />
        </FocusedNotice>
      )}
      {!open ? (
        <Button priority="secondary" onClick={() => setOpen(true)}>
          {t('application.correct.open')}
        </Button>
      ) : (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void send();
          }}
        >
          <ProblemAlert problem={problem} />
          <QuestionFields card={card} answers={answers} onAnswer={setAnswers} idPrefix="correct" />
          <Input label={t('application.correct.note')} textArea nativeTextAreaProps={{ id: 'correct-note', value: note, maxLength: 500, onChange: (event) => setNote(event.target.value) }} />
          <Button type="submit" disabled={pending} className="fr-mr-2w">
            {pending ? t('sending') : t('application.correct.send')}
          </Button>
          <Button type="button" priority="tertiary" onClick={() => setOpen(false)}>
            {t('application.cancel')}
          </Button>
        </form>
      )}
    </section>
  );
}

function WithdrawSection({ application, onChange }: ViewProps) {
  const { t } = useTranslation('journey');
  const [confirming, setConfirming] = useState(false);
  const scope = usePersonScope();
  const { pending, problem, run } = useAction();
  const withdraw = () =>
    run(async () => {
      onChange(await api.post<ApplicationBody>(scope.api(`/applications/${encodeURIComponent(application.id)}/withdraw`)));
    });
  return (
    <section aria-labelledby="application-withdraw" className="fr-mb-4w">
      <h2 id="application-withdraw">{t('application.withdraw.title')}</h2>
      <ProblemAlert problem={problem} />
      {!confirming ? (
        <Button priority="secondary" onClick={() => setConfirming(true)}>
          {t('application.withdraw.button')}
        </Button>
      ) : (
        <FocusedNotice>
          <Alert severity="warning" small description={t('application.withdraw.confirmText')} className="fr-mb-2w" />
          <Button onClick={() => void withdraw()} disabled={pending} className="fr-mr-2w">
            {pending ? t('sending') : t('application.withdraw.confirm')}
          </Button>
          <Button priority="tertiary" onClick={() => setConfirming(false)}>
            {t('application.cancel')}
          </Button>
        </FocusedNotice>
      )}
    </section>
  );
}

function AttestationsOfApplication({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation(['journey', 'attestations', 'procedures']);
  const format = useFormat();
  const language = useLanguage();
  const scope = usePersonScope();
  const { data } = useApi<AttestationList>(scope.api('/attestations'));
  const mine = data?.attestations.filter((attestation) => attestation.applicationId === applicationId) ?? [];
  return (
    <section aria-labelledby="application-attestations" className="fr-mb-4w">
      <h2 id="application-attestations">{t('application.attestations.title')}</h2>
      {data !== undefined && mine.length === 0 && <p>{t('application.attestations.none')}</p>}
      <ul className="sejour-plain-list">
        {mine.map((attestation) => (
          <li key={attestation.id} className="fr-mb-2w">
            <a className="fr-btn fr-btn--secondary fr-icon-download-line fr-btn--icon-left" href={attestationPdfUrl(attestation.id, language, scope)} download>
              {t('application.attestations.download', {
                kind: t(`attestations:kinds.${attestation.kind}.title`, { defaultValue: attestation.kind }),
                date: format.shortDate(attestation.issuedOn),
              })}
            </a>
            {attestation.superseded && <p className="fr-text--sm">{t('procedures:space.attestations.superseded')}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}

function HistorySection({ application }: { application: ApplicationBody }) {
  const { t } = useTranslation(['journey', 'applications']);
  const format = useFormat();
  return (
    <section aria-labelledby="application-history" className="fr-mb-4w">
      <h2 id="application-history">{t('application.history.title')}</h2>
      <ol data-testid="application-history">
        {[...application.history].reverse().map((entry) => (
          <li key={entry.sequence} className="fr-mb-1w">
            <strong>{t(`applications:events.${entry.event}`)}</strong> — {format.shortDate(entry.at.slice(0, 10))}, {t('application.history.by', { actor: t(`applications:actors.${entry.actorKind}`) })}
            {entry.statusFrom !== entry.statusTo && <span className="fr-text--sm"> ({t('application.history.status', { status: t(`applications:statuses.${entry.statusTo}`) })})</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * One action at a time for a section: `pending` while it runs (a second call meanwhile does
 * nothing — the ref closes the window before React re-renders), the server's problem kept for its
 * alert; anything that is not a problem is a bug and is thrown.
 */
function useAction(): { pending: boolean; problem: ApiProblem | undefined; run: (action: () => Promise<void>) => Promise<void> } {
  const busy = useRef(false);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<ApiProblem>();
  const run = async (action: () => Promise<void>) => {
    if (busy.current) return;
    busy.current = true;
    setPending(true);
    setProblem(undefined);
    try {
      await action();
    } catch (error) {
      if (!isApiProblem(error)) throw error;
      setProblem(error);
    } finally {
      busy.current = false;
      setPending(false);
    }
  };
  return { pending, problem, run };
}
