import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { ConfirmEmailResultBody } from '../../../contract/accounts';
import { api, isApiProblem, type ApiProblem } from '../../api/client';
import { useDocumentTitle } from '../../ui/use-document-title';
import { FocusedNotice } from './form';
import { ACCOUNT_PATHS, EMAIL_TOKEN_PATTERN } from './paths';
import type { SignInPageState } from './sign-in-page';
import { refreshSessionIfSignedIn, useSession } from './use-session';

type Outcome =
  | { status: 'working' }
  | { status: 'done'; result: ConfirmEmailResultBody }
  | { status: 'failed'; problem: ApiProblem }
  /** No token, or not one the server could have sent: the link was cut when copied. */
  | { status: 'incomplete' };

/**
 * One request per token for the life of the page: the link works once, and React's development
 * mode runs effects twice.
 */
const confirmations = new Map<string, Promise<ConfirmEmailResultBody>>();

function confirmOnce(token: string): Promise<ConfirmEmailResultBody> {
  let pending = confirmations.get(token);
  if (pending === undefined) {
    pending = api.post<ConfirmEmailResultBody>('/auth/confirm-email', { token });
    confirmations.set(token, pending);
  }
  return pending;
}

/**
 * The page the confirmation emails link to (`/compte/confirmer?token=…`): a new account's address,
 * or the new address of an account. Following the link is the confirmation.
 */
export function ConfirmEmailPage() {
  const { t } = useTranslation('account');
  useDocumentTitle(t('confirm.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const valid = EMAIL_TOKEN_PATTERN.test(token);
  const [outcome, setOutcome] = useState<Outcome>(valid ? { status: 'working' } : { status: 'incomplete' });
  const session = useSession();

  useEffect(() => {
    if (!valid) return;
    let current = true;
    confirmOnce(token).then(
      (result) => {
        if (!current) return;
        setOutcome({ status: 'done', result });
        // A new address: the header and the settings page show the account as it is now.
        if (result.purpose === 'change_email') refreshSessionIfSignedIn();
      },
      (error: unknown) => {
        if (!isApiProblem(error)) throw error;
        if (current) setOutcome({ status: 'failed', problem: error });
      },
    );
    return () => {
      current = false;
    };
  }, [token, valid]);

  const signedIn = session.status === 'signed-in';

  return (
    <div className="fr-container fr-py-6w">
      <div className="fr-grid-row fr-grid-row--center">
        <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
          <h1>{t('confirm.title')}</h1>
          {outcome.status === 'working' && <p role="status">{t('confirm.working')}</p>}

          {outcome.status === 'done' && (
            <FocusedNotice>
              <Alert
                severity="success"
                as="h2"
                title={t(outcome.result.purpose === 'change_email' ? 'confirm.changed.title' : 'confirm.confirmed.title')}
                description={t(outcome.result.purpose === 'change_email' ? 'confirm.changed.text' : 'confirm.confirmed.text', {
                  email: outcome.result.email,
                })}
              />
              <p className="fr-mt-4w">
                {signedIn ? (
                  <Button linkProps={{ to: ACCOUNT_PATHS.settings }}>{t('confirm.toSettings')}</Button>
                ) : (
                  <Button
                    linkProps={{
                      to: ACCOUNT_PATHS.signIn,
                      state: { email: outcome.result.email } satisfies SignInPageState,
                    }}
                  >
                    {t('confirm.toSignIn')}
                  </Button>
                )}
              </p>
            </FocusedNotice>
          )}

          {outcome.status === 'failed' && (
            <FocusedNotice>
              <Alert severity="error" as="h2" title={outcome.problem.title} description={outcome.problem.detail} />
              <p className="fr-mt-4w">{t('confirm.failedHelp')}</p>
              <ul className="fr-btns-group fr-btns-group--inline-md">
                <li>
                  <Button linkProps={{ to: ACCOUNT_PATHS.signIn }}>{t('confirm.toSignIn')}</Button>
                </li>
                <li>
                  <Button priority="secondary" linkProps={{ to: ACCOUNT_PATHS.register }}>
                    {t('confirm.toRegister')}
                  </Button>
                </li>
              </ul>
            </FocusedNotice>
          )}

          {outcome.status === 'incomplete' && (
            <Alert severity="warning" as="h2" title={t('confirm.incomplete.title')} description={t('confirm.incomplete.text')} />
          )}
        </div>
      </div>
    </div>
  );
}
