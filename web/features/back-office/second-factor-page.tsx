/**
 * The second factor, before any case (ADR 0009): a staff member without an authenticator enrols
 * (QR code of the otpauth link, the secret to type, the first code, then the recovery codes shown
 * once); one already enrolled types the code of the moment or a recovery code.
 */
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import type { SecondFactorStatus } from '../../../contract/second-factor';
import { api, isApiProblem } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useDocumentTitle } from '../../ui/use-document-title';
import { RequireSession } from '../account/require-session';
import { safeReturnPath } from '../account/paths';
import { BACK_OFFICE_PATHS } from './paths';

interface Enrolment {
  secret: string;
  otpauthUri: string;
  qrCode: string;
}

export function SecondFactorPage() {
  const { t } = useTranslation('staff');
  useDocumentTitle(t('secondFactor.title'));
  return <RequireSession title={t('secondFactor.title')}>{() => <SecondFactor />}</RequireSession>;
}

function SecondFactor() {
  const { t } = useTranslation('staff');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeReturnPath(params.get('retour')) ?? BACK_OFFICE_PATHS.queue;
  const { data: status, problem } = useApi<SecondFactorStatus>('/auth/second-factor');
  const [enrolment, setEnrolment] = useState<Enrolment>();
  const [recoveryCodes, setRecoveryCodes] = useState<string[]>();
  const [code, setCode] = useState('');
  const [useRecovery, setUseRecovery] = useState(false);
  const [error, setError] = useState<string>();

  if (status?.verified === true && recoveryCodes === undefined) return <Navigate to={next} replace />;

  const startEnrolment = async () => {
    setError(undefined);
    try {
      setEnrolment(await api.post<Enrolment>('/auth/second-factor/enrolment'));
    } catch (failure) {
      setError(isApiProblem(failure) ? failure.detail : String(failure));
    }
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    const typed = code.trim();
    if (!useRecovery && !/^[0-9]{6}$/.test(typed)) {
      setError(t('secondFactor.codeFormat'));
      return;
    }
    try {
      if (enrolment) {
        const result = await api.post<{ recoveryCodes: string[] }>('/auth/second-factor/enrolment/confirm', { code: typed });
        setRecoveryCodes(result.recoveryCodes);
      } else {
        await api.post('/auth/second-factor/verify', useRecovery ? { recoveryCode: typed } : { code: typed });
        await navigate(next, { replace: true });
      }
    } catch (failure) {
      setError(isApiProblem(failure) ? failure.detail : String(failure));
    }
  };

  return (
    <div className="fr-container fr-py-6w">
      <div className="fr-grid-row">
        <div className="fr-col-12 fr-col-md-8">
          <h1>{t('secondFactor.title')}</h1>
          {problem && <Alert severity="error" small description={problem.detail} />}
          {recoveryCodes ? (
            <section aria-labelledby="recovery-title">
              <h2 id="recovery-title">{t('secondFactor.recoveryTitle')}</h2>
              <p>{t('secondFactor.recoveryText')}</p>
              <ul className="fr-text--lg" style={{ fontFamily: 'monospace' }}>
                {recoveryCodes.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
              <Button onClick={() => void navigate(next, { replace: true })}>{t('secondFactor.continue')}</Button>
            </section>
          ) : status && !status.enrolled && !enrolment ? (
            <section>
              <p>{t('secondFactor.enrolIntro')}</p>
              {error && <Alert className="fr-mb-2w" severity="error" small description={error} />}
              <Button onClick={() => void startEnrolment()}>{t('secondFactor.enrolStart')}</Button>
            </section>
          ) : status ? (
            <form onSubmit={(event) => void onSubmit(event)} noValidate>
              {enrolment && (
                <>
                  <p>{t('secondFactor.scan')}</p>
                  <img src={enrolment.qrCode} alt={t('secondFactor.qrAlt')} width={200} height={200} />
                  <p>
                    {t('secondFactor.secret')} <code>{enrolment.secret}</code>
                  </p>
                </>
              )}
              {error && <Alert className="fr-mb-2w" severity="error" small description={error} />}
              <Input
                label={useRecovery ? t('secondFactor.recoveryLabel') : t('secondFactor.codeLabel')}
                hintText={useRecovery ? t('secondFactor.recoveryHint') : t('secondFactor.codeHint')}
                nativeInputProps={{
                  id: 'second-factor-code',
                  name: 'code',
                  autoComplete: 'one-time-code',
                  inputMode: useRecovery ? 'text' : 'numeric',
                  value: code,
                  onChange: (event) => setCode(event.target.value),
                }}
              />
              <Button type="submit">{t('secondFactor.submit')}</Button>
              {!enrolment && (
                <Button className="fr-ml-2w" priority="tertiary" type="button" onClick={() => setUseRecovery(!useRecovery)}>
                  {useRecovery ? t('secondFactor.useApp') : t('secondFactor.useRecovery')}
                </Button>
              )}
            </form>
          ) : (
            <p role="status">{t('loading')}</p>
          )}
        </div>
      </div>
    </div>
  );
}
