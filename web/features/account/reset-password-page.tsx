import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { AuthOptionsBody } from '../../../contract/accounts';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useDocumentTitle } from '../../ui/use-document-title';
import { FocusedNotice, FormErrorSummary, useAccountForm } from './form';
import { PasswordField, newPasswordError } from './password-field';
import { ACCOUNT_PATHS, EMAIL_TOKEN_PATTERN } from './paths';
import type { SignInPageState } from './sign-in-page';
import { setSignedOut } from './use-session';

const FIELDS = ['newPassword'] as const;
/** Problems that mean the link itself is no good: ask for a new one rather than retype. */
const LINK_PROBLEMS = new Set(['token_invalid', 'token_expired']);

/** The page the reset emails link to (`/compte/mot-de-passe/reinitialiser?token=…`). */
export function ResetPasswordPage() {
  const { t } = useTranslation('account');
  useDocumentTitle(t('reset.title'));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [linkProblem, setLinkProblem] = useState<{ title: string; detail: string }>();
  const form = useAccountForm(FIELDS);
  const { data: options } = useApi<AuthOptionsBody>('/auth/options');
  const ids = { newPassword: { id: 'reset-password', label: t('fields.newPassword.label') } };

  const onSubmit = form.submit(
    () => ({ newPassword: newPasswordError(password, options?.password, t) }),
    async () => {
      await api.post<void>('/auth/password-reset/confirm', { token, newPassword: password });
      // Every session of the account has ended, this browser's too.
      setSignedOut();
      await navigate(ACCOUNT_PATHS.signIn, { replace: true, state: { notice: 'passwordReset' } satisfies SignInPageState });
    },
    (problem) => {
      if (!LINK_PROBLEMS.has(problem.code) && !problem.errors.some((error) => error.field === 'token')) return false;
      setLinkProblem({ title: problem.title, detail: problem.detail });
      return true;
    },
  );

  const broken = !EMAIL_TOKEN_PATTERN.test(token) ? { title: t('reset.incomplete.title'), detail: t('reset.incomplete.text') } : linkProblem;

  return (
    <div className="fr-container fr-py-6w">
      <div className="fr-grid-row fr-grid-row--center">
        <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
          <h1>{t('reset.title')}</h1>
          {broken === undefined ? (
            <form onSubmit={onSubmit} noValidate>
              <p className="fr-text--lead">{t('reset.lead')}</p>
              <FormErrorSummary errors={form.errors} fields={ids} />
              <PasswordField
                id={ids.newPassword.id}
                name="newPassword"
                label={ids.newPassword.label}
                autoComplete="new-password"
                value={password}
                onChange={setPassword}
                error={form.fieldError('newPassword')}
                rules={options?.password}
              />
              <Button type="submit" disabled={form.pending}>
                {t('reset.submit')}
              </Button>
            </form>
          ) : (
            <FocusedNotice>
              <Alert severity="error" as="h2" title={broken.title} description={broken.detail} />
              <p className="fr-mt-4w">
                <Button linkProps={{ to: ACCOUNT_PATHS.forgotPassword }}>{t('reset.askAgain')}</Button>
              </p>
            </FocusedNotice>
          )}
        </div>
      </div>
    </div>
  );
}
