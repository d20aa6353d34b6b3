import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import type { AuthOptionsBody, OidcErrorCode, SignInResultBody } from '../../../contract/accounts';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useDocumentTitle } from '../../ui/use-document-title';
import { FormErrorSummary, looksLikeEmail, useAccountForm } from './form';
import { PasswordField } from './password-field';
import { ACCOUNT_PATHS, OIDC_ERROR_PARAM, RETURN_PARAM, safeReturnPath } from './paths';
import { expectSignIn, setSignedIn } from './use-session';

const FIELDS = ['email', 'password'] as const;
type Field = (typeof FIELDS)[number];

/** Message keys of the identity provider's failures (`/connexion?erreur=<code>`). */
const OIDC_ERROR_KEYS: Record<OidcErrorCode, string> = {
  oidc_cancelled: 'signIn.oidcErrors.cancelled',
  oidc_expired: 'signIn.oidcErrors.expired',
  oidc_failed: 'signIn.oidcErrors.failed',
  oidc_email_unverified: 'signIn.oidcErrors.emailUnverified',
  oidc_not_allowed: 'signIn.oidcErrors.notAllowed',
};

/** What another page may hand over when it sends the reader here. */
export interface SignInPageState {
  /** Prefills the address (after confirming it, or resetting the password). */
  email?: string;
  /** Why the reader arrives: shown as a notice above the form. */
  notice?: 'signedOut' | 'passwordReset';
}

function oidcErrorKey(code: string | null): string | undefined {
  if (code === null) return undefined;
  return (OIDC_ERROR_KEYS as Record<string, string | undefined>)[code] ?? 'signIn.oidcErrors.failed';
}

/** Sign in with email and password, or through the identity provider when this service offers one. */
export function SignInPage() {
  const { t } = useTranslation('account');
  useDocumentTitle(t('signIn.title'));
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const handedOver = (location.state ?? {}) as SignInPageState;
  const [email, setEmail] = useState(handedOver.email ?? '');
  const [password, setPassword] = useState('');
  const form = useAccountForm(FIELDS);
  const { data: options } = useApi<AuthOptionsBody>('/auth/options');
  const oidcError = oidcErrorKey(params.get(OIDC_ERROR_PARAM));
  const returnTo = safeReturnPath(params.get(RETURN_PARAM));

  const ids: Record<Field, { id: string; label: string }> = {
    email: { id: 'sign-in-email', label: t('fields.email.label') },
    password: { id: 'sign-in-password', label: t('fields.password.label') },
  };

  const onSubmit = form.submit(
    () => ({
      email: email.trim() === '' ? t('validation.emailRequired') : !looksLikeEmail(email) ? t('validation.emailFormat') : undefined,
      password: password === '' ? t('validation.passwordRequired') : undefined,
    }),
    async () => {
      const result = await api.post<SignInResultBody>('/auth/sign-in', { email: email.trim(), password });
      setSignedIn(result.user);
      // Staff pass the second factor before anything else (ADR 0009; back office, issue 5).
      if (result.user.role !== 'applicant') {
        await navigate(`/agent/verification${returnTo ? `?retour=${encodeURIComponent(returnTo)}` : ''}`, { replace: true });
        return;
      }
      await navigate(returnTo ?? ACCOUNT_PATHS.personalSpace, { replace: true });
    },
  );

  return (
    <div className="fr-container fr-py-6w">
      <div className="fr-grid-row fr-grid-row--center">
        <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
          <h1>{t('signIn.title')}</h1>

          {handedOver.notice !== undefined && form.errors === undefined && (
            <Alert className="fr-mb-4w" severity="success" small description={t(`signIn.notices.${handedOver.notice}`)} />
          )}
          {oidcError !== undefined && (
            <Alert className="fr-mb-4w" severity="error" as="h2" title={t('signIn.oidcErrors.title')} description={t(oidcError)} />
          )}

          {options?.oidc.enabled === true && (
            <section aria-labelledby="sign-in-oidc-title" className="fr-mb-4w">
              <h2 id="sign-in-oidc-title" className="fr-h4">
                {t('signIn.oidc.title')}
              </h2>
              <p>{t('signIn.oidc.text')}</p>
              <Button iconId="fr-icon-fingerprint-line" linkProps={{ to: options.oidc.startUrl, reloadDocument: true, onClick: expectSignIn }}>
                {t('signIn.oidc.button')}
              </Button>
              <p className="fr-hr-or fr-mt-4w">{t('signIn.or')}</p>
            </section>
          )}

          <form onSubmit={onSubmit} noValidate>
            <h2 id="sign-in-form-title" className="fr-h4">
              {t('signIn.form.title')}
            </h2>
            <FormErrorSummary errors={form.errors} fields={ids} />
            <p className="fr-text--sm">{t('form.requiredNotice')}</p>
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
              autoComplete="current-password"
              value={password}
              onChange={setPassword}
              error={form.fieldError('password')}
            />
            <p>
              <Link className="fr-link" to={ACCOUNT_PATHS.forgotPassword}>
                {t('signIn.form.forgotPassword')}
              </Link>
            </p>
            <Button type="submit" disabled={form.pending}>
              {t('signIn.form.submit')}
            </Button>
          </form>

          <hr className="fr-mt-6w" />
          <section aria-labelledby="sign-in-register-title">
            <h2 id="sign-in-register-title" className="fr-h4">
              {t('signIn.register.title')}
            </h2>
            <p>{t('signIn.register.text')}</p>
            <Button priority="secondary" linkProps={{ to: ACCOUNT_PATHS.register }}>
              {t('signIn.register.button')}
            </Button>
          </section>
        </div>
      </div>
    </div>
  );
}
