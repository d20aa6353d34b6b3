import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AcceptedBody } from '../../../contract/accounts';
import { api } from '../../api/client';
import { currentLanguage } from '../../i18n';
import { useDocumentTitle } from '../../ui/use-document-title';
import { FocusedNotice, FormErrorSummary, looksLikeEmail, useAccountForm } from './form';
import { ACCOUNT_PATHS } from './paths';

const FIELDS = ['email'] as const;

/**
 * Ask for a link to choose a new password. The answer is the same whether or not an account uses
 * the address (the server emails the address's owner either way).
 */
export function ForgotPasswordPage() {
  const { t } = useTranslation('account');
  useDocumentTitle(t('forgot.title'));
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string>();
  const form = useAccountForm(FIELDS);
  const ids = { email: { id: 'forgot-email', label: t('fields.email.label') } };

  const onSubmit = form.submit(
    () => ({
      email: email.trim() === '' ? t('validation.emailRequired') : !looksLikeEmail(email) ? t('validation.emailFormat') : undefined,
    }),
    async () => {
      await api.post<AcceptedBody>('/auth/password-reset', { email: email.trim(), locale: currentLanguage() });
      setSentTo(email.trim());
    },
  );

  return (
    <div className="fr-container fr-py-6w">
      <div className="fr-grid-row fr-grid-row--center">
        <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
          <h1>{t('forgot.title')}</h1>
          {sentTo === undefined ? (
            <>
              <p className="fr-text--lead">{t('forgot.lead')}</p>
              <form onSubmit={onSubmit} noValidate>
                <FormErrorSummary errors={form.errors} fields={ids} />
                <Input
                  label={ids.email.label}
                  hintText={t('forgot.emailHint')}
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
                <Button type="submit" disabled={form.pending}>
                  {t('forgot.submit')}
                </Button>
              </form>
            </>
          ) : (
            <FocusedNotice>
              <Alert
                severity="success"
                as="h2"
                title={t('forgot.sent.title')}
                description={
                  <>
                    <p>{t('forgot.sent.text', { email: sentTo })}</p>
                    <p>{t('forgot.sent.help')}</p>
                  </>
                }
              />
            </FocusedNotice>
          )}
          <p className="fr-mt-4w">
            <Link className="fr-link fr-icon-arrow-left-line fr-link--icon-left" to={ACCOUNT_PATHS.signIn}>
              {t('forgot.backToSignIn')}
            </Link>
          </p>
        </div>
      </div>
    </div>
  );
}
