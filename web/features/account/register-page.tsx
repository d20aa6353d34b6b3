import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AcceptedBody, AuthOptionsBody } from '../../../contract/accounts';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { currentLanguage } from '../../i18n';
import { useDocumentTitle } from '../../ui/use-document-title';
import { FocusedNotice, FormErrorSummary, looksLikeEmail, useAccountForm } from './form';
import { PasswordField, newPasswordError } from './password-field';
import { ACCOUNT_PATHS } from './paths';

const FIELDS = ['displayName', 'email', 'password'] as const;
type Field = (typeof FIELDS)[number];

/**
 * Create an applicant account. The server answers the same whether or not the address already has
 * an account (the owner gets an email either way), so the page only says "check your email".
 */
export function RegisterPage() {
  const { t } = useTranslation('account');
  useDocumentTitle(t('register.title'));
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [sentTo, setSentTo] = useState<string>();
  const form = useAccountForm(FIELDS);
  const { data: options } = useApi<AuthOptionsBody>('/auth/options');
  const rules = options?.password;

  const ids: Record<Field, { id: string; label: string }> = {
    displayName: { id: 'register-name', label: t('fields.displayName.label') },
    email: { id: 'register-email', label: t('fields.email.label') },
    password: { id: 'register-password', label: t('fields.password.label') },
  };

  const onSubmit = form.submit(
    () => ({
      displayName: displayName.trim() === '' ? t('validation.displayNameRequired') : undefined,
      email: email.trim() === '' ? t('validation.emailRequired') : !looksLikeEmail(email) ? t('validation.emailFormat') : undefined,
      password: newPasswordError(password, rules, t),
    }),
    async () => {
      await api.post<AcceptedBody>('/auth/register', {
        email: email.trim(),
        password,
        displayName: displayName.trim(),
        locale: currentLanguage(),
      });
      setSentTo(email.trim());
      setPassword('');
    },
  );

  return (
    <div className="fr-container fr-py-6w">
      <div className="fr-grid-row fr-grid-row--center">
        <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
          <h1>{t('register.title')}</h1>
          {sentTo === undefined ? (
            <>
              <p className="fr-text--lead">{t('register.lead')}</p>
              <form onSubmit={onSubmit} noValidate>
                <FormErrorSummary errors={form.errors} fields={ids} />
                <p className="fr-text--sm">{t('form.requiredNotice')}</p>
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
                  label={ids.email.label}
                  hintText={t('fields.email.hint')}
                  {...form.fieldState('email')}
                  nativeInputProps={{
                    id: ids.email.id,
                    name: 'email',
                    type: 'email',
                    autoComplete: 'email',
                    autoCapitalize: 'off',
                    spellCheck: false,
                    value: email,
                    onChange: (event) => setEmail(event.target.value),
                    ...(form.fieldError('email') === undefined ? {} : { 'aria-invalid': true }),
                  }}
                />
                <PasswordField
                  id={ids.password.id}
                  name="password"
                  label={ids.password.label}
                  autoComplete="new-password"
                  value={password}
                  onChange={setPassword}
                  error={form.fieldError('password')}
                  rules={rules}
                />
                <Button type="submit" disabled={form.pending}>
                  {t('register.submit')}
                </Button>
              </form>
              <hr className="fr-mt-6w" />
              <p>
                {t('register.haveAccount')}{' '}
                <Link className="fr-link" to={ACCOUNT_PATHS.signIn}>
                  {t('register.signIn')}
                </Link>
              </p>
            </>
          ) : (
            <FocusedNotice>
              <Alert
                severity="success"
                as="h2"
                title={t('register.sent.title')}
                description={
                  <>
                    <p>{t('register.sent.text', { email: sentTo })}</p>
                    <p>{t('register.sent.help')}</p>
                  </>
                }
              />
            </FocusedNotice>
          )}
        </div>
      </div>
    </div>
  );
}
