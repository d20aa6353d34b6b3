import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { AcceptedBody, AuthOptionsBody, MeBody, SessionListBody } from '../../../contract/accounts';
import { api, isApiProblem, type ApiProblem } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useLanguage } from '../../i18n';
import { SUPPORTED_LANGUAGES, type Language } from '../../language';
import { useDocumentTitle } from '../../ui/use-document-title';
import { FormErrorSummary, looksLikeEmail, useAccountForm } from './form';
import { PasswordField, newPasswordError } from './password-field';
import { ACCOUNT_PATHS } from './paths';
import type { SignInPageState } from './sign-in-page';
import { RequireSession } from './require-session';
import { setSignedIn, setSignedOut } from './use-session';

/** E.164, as the API expects (`PhoneSchema`): spaces, dots and dashes typed by people are removed. */
const PHONE_PATTERN = /^\+[1-9][0-9]{6,14}$/;

function normalisePhone(value: string): string {
  return value.replace(/[\s.()-]/g, '');
}

/** A session that ended while the page was open: the page turns into "sign in again". */
function endedSession(problem: ApiProblem): boolean {
  if (problem.status !== 401) return false;
  setSignedOut();
  return true;
}

function useDateTimeFormat(): Intl.DateTimeFormat {
  const language = useLanguage();
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeStyle: 'short' });
}

/** Account settings: name, phone, language of messages, email address, password, active sessions. */
export function AccountPage() {
  const { t } = useTranslation('account');
  useDocumentTitle(t('settings.title'));
  return (
    <RequireSession title={t('settings.title')}>
      {(user) => (
        <div className="fr-container fr-py-6w">
          <div className="fr-grid-row">
            <div className="fr-col-12 fr-col-lg-8">
              <h1>{t('settings.title')}</h1>
              <p className="fr-text--lead">{t('settings.lead')}</p>
              <p>
                <Link className="fr-link fr-icon-arrow-left-line fr-link--icon-left" to={ACCOUNT_PATHS.personalSpace}>
                  {t('settings.backToSpace')}
                </Link>
              </p>
              <AccountSections user={user} />
            </div>
          </div>
        </div>
      )}
    </RequireSession>
  );
}

function AccountSections({ user }: { user: MeBody }) {
  const sessions = useApi<SessionListBody>('/me/sessions');
  return (
    <>
      <ProfileSection user={user} />
      <EmailSection user={user} />
      <PasswordSection user={user} onChanged={sessions.reload} />
      <SessionsSection sessions={sessions.data} problem={sessions.problem} reload={sessions.reload} />
    </>
  );
}

const PROFILE_FIELDS = ['displayName', 'phone', 'locale'] as const;

function ProfileSection({ user }: { user: MeBody }) {
  const { t } = useTranslation('account');
  const [displayName, setDisplayName] = useState(user.displayName);
  const [phone, setPhone] = useState(user.phone ?? '');
  const [locale, setLocale] = useState<Language>(user.locale);
  const [saved, setSaved] = useState(false);
  const form = useAccountForm(PROFILE_FIELDS);
  const ids = {
    displayName: { id: 'profile-name', label: t('fields.displayName.label') },
    phone: { id: 'profile-phone', label: t('fields.phone.label') },
    // react-dsfr numbers the radio buttons of the fieldset `profile-locale`: the first is `-0`.
    locale: { id: 'profile-locale-0', label: t('fields.locale.legend') },
  };
  const localeError = form.fieldError('locale');

  const onSubmit = form.submit(
    () => ({
      displayName: displayName.trim() === '' ? t('validation.displayNameRequired') : undefined,
      phone: phone.trim() !== '' && !PHONE_PATTERN.test(normalisePhone(phone)) ? t('validation.phoneFormat') : undefined,
    }),
    async () => {
      setSaved(false);
      const updated = await api.patch<MeBody>('/me', {
        displayName: displayName.trim(),
        phone: phone.trim() === '' ? null : normalisePhone(phone),
        locale,
      });
      setSignedIn(updated);
      setPhone(updated.phone ?? '');
      setSaved(true);
    },
    endedSession,
  );

  return (
    <section aria-labelledby="profile-title" className="fr-mt-6w">
      <h2 id="profile-title">{t('settings.profile.title')}</h2>
      <form onSubmit={onSubmit} noValidate>
        <FormErrorSummary errors={form.errors} fields={ids} />
        {saved && form.errors === undefined && (
          <Alert className="fr-mb-3w" severity="success" small role="status" description={t('settings.profile.saved')} />
        )}
        <Input
          label={ids.displayName.label}
          hintText={t('fields.displayName.hint')}
          {...form.fieldState('displayName')}
          nativeInputProps={{
            id: ids.displayName.id,
            name: 'displayName',
            autoComplete: 'name',
            maxLength: 100,
            value: displayName,
            onChange: (event) => setDisplayName(event.target.value),
            ...(form.fieldError('displayName') === undefined ? {} : { 'aria-invalid': true }),
          }}
        />
        <Input
          label={ids.phone.label}
          hintText={t('fields.phone.hint')}
          {...form.fieldState('phone')}
          nativeInputProps={{
            id: ids.phone.id,
            name: 'phone',
            type: 'tel',
            autoComplete: 'tel',
            value: phone,
            onChange: (event) => setPhone(event.target.value),
            ...(form.fieldError('phone') === undefined ? {} : { 'aria-invalid': true }),
          }}
        />
        <RadioButtons
          id="profile-locale"
          legend={ids.locale.label}
          hintText={t('fields.locale.hint')}
          name="locale"
          orientation="horizontal"
          {...(localeError === undefined ? {} : { state: 'error' as const, stateRelatedMessage: localeError })}
          options={SUPPORTED_LANGUAGES.map((option) => ({
            label: <span lang={option}>{t(`fields.locale.${option}`)}</span>,
            nativeInputProps: {
              value: option,
              checked: locale === option,
              onChange: () => setLocale(option),
            },
          }))}
        />
        <Button type="submit" disabled={form.pending}>
          {t('settings.profile.submit')}
        </Button>
      </form>
    </section>
  );
}

const EMAIL_FIELDS = ['newEmail', 'password'] as const;

function EmailSection({ user }: { user: MeBody }) {
  const { t } = useTranslation('account');
  const [newEmail, setNewEmail] = useState('');
  const [password, setPassword] = useState('');
  const [sentTo, setSentTo] = useState<string>();
  const form = useAccountForm(EMAIL_FIELDS);
  const ids = {
    newEmail: { id: 'email-new', label: t('fields.newEmail.label') },
    password: { id: 'email-password', label: t('fields.currentPassword.label') },
  };

  const onSubmit = form.submit(
    () => ({
      newEmail:
        newEmail.trim() === '' ? t('validation.emailRequired') : !looksLikeEmail(newEmail) ? t('validation.emailFormat') : undefined,
      password: user.hasPassword && password === '' ? t('validation.currentPasswordRequired') : undefined,
    }),
    async () => {
      setSentTo(undefined);
      await api.post<AcceptedBody>('/me/email', {
        newEmail: newEmail.trim(),
        ...(user.hasPassword ? { password } : {}),
      });
      setSentTo(newEmail.trim());
      setNewEmail('');
      setPassword('');
    },
    endedSession,
  );

  return (
    <section aria-labelledby="email-title" className="fr-mt-6w">
      <h2 id="email-title">{t('settings.email.title')}</h2>
      <p>{t('settings.email.current', { email: user.email })}</p>
      <form onSubmit={onSubmit} noValidate>
        <FormErrorSummary errors={form.errors} fields={user.hasPassword ? ids : { newEmail: ids.newEmail }} />
        {sentTo !== undefined && form.errors === undefined && (
          <Alert className="fr-mb-3w" severity="success" small role="status" description={t('settings.email.sent', { email: sentTo })} />
        )}
        <Input
          label={ids.newEmail.label}
          hintText={t('settings.email.hint')}
          {...form.fieldState('newEmail')}
          nativeInputProps={{
            id: ids.newEmail.id,
            name: 'newEmail',
            type: 'email',
            autoComplete: 'email',
            autoCapitalize: 'off',
            spellCheck: false,
            value: newEmail,
            onChange: (event) => setNewEmail(event.target.value),
            ...(form.fieldError('newEmail') === undefined ? {} : { 'aria-invalid': true }),
          }}
        />
        {user.hasPassword && (
          <PasswordField
            id={ids.password.id}
            name="password"
            label={ids.password.label}
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
            error={form.fieldError('password')}
          />
        )}
        <Button type="submit" priority="secondary" disabled={form.pending}>
          {t('settings.email.submit')}
        </Button>
      </form>
    </section>
  );
}

const PASSWORD_FIELDS = ['currentPassword', 'newPassword'] as const;

function PasswordSection({ user, onChanged }: { user: MeBody; onChanged: () => void }) {
  const { t } = useTranslation('account');
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [changed, setChanged] = useState(false);
  const form = useAccountForm(PASSWORD_FIELDS);
  const { data: options } = useApi<AuthOptionsBody>('/auth/options');
  const ids = {
    currentPassword: { id: 'password-current', label: t('fields.currentPassword.label') },
    newPassword: { id: 'password-new', label: t('fields.newPassword.label') },
  };

  const onSubmit = form.submit(
    () => ({
      currentPassword: currentPassword === '' ? t('validation.currentPasswordRequired') : undefined,
      newPassword: newPasswordError(newPassword, options?.password, t),
    }),
    async () => {
      setChanged(false);
      await api.post<void>('/me/password', { currentPassword, newPassword });
      setCurrentPassword('');
      setNewPassword('');
      setChanged(true);
      onChanged();
    },
    endedSession,
  );

  return (
    <section aria-labelledby="password-title" className="fr-mt-6w">
      <h2 id="password-title">{t('settings.password.title')}</h2>
      {user.hasPassword ? (
        <form onSubmit={onSubmit} noValidate>
          <FormErrorSummary errors={form.errors} fields={ids} />
          {changed && form.errors === undefined && (
            <Alert className="fr-mb-3w" severity="success" small role="status" description={t('settings.password.changed')} />
          )}
          <PasswordField
            id={ids.currentPassword.id}
            name="currentPassword"
            label={ids.currentPassword.label}
            autoComplete="current-password"
            value={currentPassword}
            onChange={setCurrentPassword}
            error={form.fieldError('currentPassword')}
          />
          <PasswordField
            id={ids.newPassword.id}
            name="newPassword"
            label={ids.newPassword.label}
            autoComplete="new-password"
            value={newPassword}
            onChange={setNewPassword}
            error={form.fieldError('newPassword')}
            rules={options?.password}
          />
          <Button type="submit" priority="secondary" disabled={form.pending}>
            {t('settings.password.submit')}
          </Button>
        </form>
      ) : (
        <p>
          {t('settings.password.none')}{' '}
          <Link className="fr-link" to={ACCOUNT_PATHS.forgotPassword}>
            {t('settings.password.create')}
          </Link>
        </p>
      )}
    </section>
  );
}

function SessionsSection({
  sessions,
  problem,
  reload,
}: {
  sessions: SessionListBody | undefined;
  problem: ApiProblem | undefined;
  reload: () => void;
}) {
  const { t } = useTranslation('account');
  const navigate = useNavigate();
  const format = useDateTimeFormat();
  const [ending, setEnding] = useState<string>();
  const [endedOther, setEndedOther] = useState(false);
  const [failure, setFailure] = useState<ApiProblem>();

  async function end(id: string, current: boolean) {
    setEnding(id);
    setFailure(undefined);
    setEndedOther(false);
    try {
      await api.delete(`/me/sessions/${encodeURIComponent(id)}`);
      if (current) {
        setSignedOut();
        await navigate(ACCOUNT_PATHS.signIn, { replace: true, state: { notice: 'signedOut' } satisfies SignInPageState });
        return;
      }
      setEndedOther(true);
      reload();
    } catch (error) {
      if (!isApiProblem(error)) throw error;
      if (!endedSession(error)) setFailure(error);
    } finally {
      setEnding(undefined);
    }
  }

  useEffect(() => {
    if (problem !== undefined) endedSession(problem);
  }, [problem]);
  const shown = failure ?? (problem?.status === 401 ? undefined : problem);

  return (
    <section aria-labelledby="sessions-title" className="fr-mt-6w">
      <h2 id="sessions-title">{t('settings.sessions.title')}</h2>
      <p>{t('settings.sessions.lead')}</p>
      {shown !== undefined && <Alert className="fr-mb-3w" severity="error" small description={shown.message} />}
      {endedOther && <Alert className="fr-mb-3w" severity="success" small role="status" description={t('settings.sessions.ended')} />}
      {sessions === undefined ? (
        shown === undefined && <p role="status">{t('loading')}</p>
      ) : (
        <ul className="sejour-plain-list">
          {sessions.items.map((session) => {
            const device = session.device ?? t('settings.sessions.unknownDevice');
            const started = format.format(new Date(session.createdAt));
            return (
              <li key={session.id} className="fr-mb-3w">
                <div className="fr-card fr-card--sm fr-card--no-arrow">
                  <div className="fr-card__body">
                    <div className="fr-card__content">
                      <h3 className="fr-card__title">{device}</h3>
                      <div className="fr-card__desc">
                        <p className="fr-mb-1v">{t('settings.sessions.started', { date: started })}</p>
                        <p className="fr-mb-1v">{t('settings.sessions.lastSeen', { date: format.format(new Date(session.lastSeenAt)) })}</p>
                        <p className="fr-mb-0">{t('settings.sessions.expires', { date: format.format(new Date(session.expiresAt)) })}</p>
                      </div>
                      {session.current && (
                        <div className="fr-card__start">
                          <Badge severity="info" small noIcon as="p">
                            {t('settings.sessions.current')}
                          </Badge>
                        </div>
                      )}
                    </div>
                    <div className="fr-card__footer">
                      <Button
                        priority="secondary"
                        size="small"
                        iconId="fr-icon-logout-box-r-line"
                        disabled={ending !== undefined}
                        onClick={() => void end(session.id, session.current)}
                      >
                        {t(session.current ? 'settings.sessions.endCurrent' : 'settings.sessions.end')}
                        <span className="fr-sr-only">{t('settings.sessions.endContext', { device, date: started })}</span>
                      </Button>
                    </div>
                  </div>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
