/**
 * The holder's share codes, in the personal space: create one for a purpose (shown once, valid
 * 90 days), see every check made with it, revoke it.
 */
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SHARE_PURPOSE_VALUES, type ShareCodeBody } from '../../../contract/attestations';
import { api, isApiProblem } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useLanguage } from '../../i18n';
import { useFormat } from '../calculator/use-format';

type Purpose = (typeof SHARE_PURPOSE_VALUES)[number];

export function ShareCodesPanel() {
  const { t } = useTranslation('verify');
  const format = useFormat();
  const language = useLanguage();
  const when = new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });
  const list = useApi<{ shareCodes: ShareCodeBody[] }>('/share-codes');
  const [purpose, setPurpose] = useState<Purpose | ''>('');
  const [purposeError, setPurposeError] = useState<string>();
  const [created, setCreated] = useState<{ code: string; expiresOn: string }>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (purpose === '') {
      setPurposeError(t('codes.purposeRequired'));
      return;
    }
    setPurposeError(undefined);
    setBusy(true);
    setProblem(undefined);
    try {
      const answer = await api.post<{ shareCode: ShareCodeBody; code: string }>('/share-codes', { purpose });
      setCreated({ code: answer.code, expiresOn: answer.shareCode.expiresOn });
      list.reload();
    } catch (error) {
      if (!isApiProblem(error)) throw error;
      setProblem(error.message);
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (id: string) => {
    setProblem(undefined);
    try {
      await api.post(`/share-codes/${encodeURIComponent(id)}/revoke`);
      list.reload();
    } catch (error) {
      if (!isApiProblem(error)) throw error;
      setProblem(error.message);
    }
  };

  return (
    <section aria-labelledby="space-share-codes" className="fr-mb-6w">
      <h2 id="space-share-codes">{t('codes.title')}</h2>
      <p>{t('codes.lead')}</p>
      <form onSubmit={(event) => void create(event)} noValidate className="fr-mb-3w">
        <Select
          label={t('codes.purposeLabel')}
          state={purposeError ? 'error' : 'default'}
          stateRelatedMessage={purposeError}
          nativeSelectProps={{ id: 'share-purpose', name: 'purpose', value: purpose, onChange: (event) => setPurpose(event.target.value as Purpose | '') }}
        >
          <option value="" disabled>
            {t('codes.choose')}
          </option>
          {SHARE_PURPOSE_VALUES.map((value) => (
            <option key={value} value={value}>
              {t(`page.purposes.${value}`)}
            </option>
          ))}
        </Select>
        <Button type="submit" disabled={busy}>
          {t('codes.create')}
        </Button>
      </form>
      {created !== undefined && (
        <Alert
          severity="success"
          small={false}
          as="h3"
          title={t('codes.createdTitle')}
          description={
            <>
              <span className="fr-text--lg fr-text--bold" data-testid="new-share-code">
                {created.code}
              </span>
              <br />
              {t('codes.createdHint', { date: format.longDate(created.expiresOn) })}
            </>
          }
          className="fr-mb-3w"
        />
      )}
      {problem !== undefined && <Alert severity="error" small description={problem} className="fr-mb-3w" />}
      {list.problem !== undefined && <Alert severity="error" small description={list.problem.message} />}
      {list.data !== undefined && list.data.shareCodes.length === 0 && <p>{t('codes.none')}</p>}
      {list.data !== undefined && list.data.shareCodes.length > 0 && (
        <ul className="fr-raw-list">
          {list.data.shareCodes.map((code) => (
            <li key={code.id} className="fr-card fr-p-2w fr-mb-2w">
              <div className="fr-mb-1w">
                <strong>{t(`page.purposes.${code.purpose}`)}</strong> · {t('codes.endsWith', { hint: code.hint })}{' '}
                {code.active ? (
                  <Badge as="span" severity="success" small>
                    {t('codes.active', { date: format.longDate(code.expiresOn) })}
                  </Badge>
                ) : (
                  <Badge as="span" small>{t(code.revoked ? 'codes.revoked' : 'codes.expired')}</Badge>
                )}
              </div>
              {code.checks.length === 0 ? (
                <p className="fr-text--sm fr-mb-1w">{t('codes.noChecks')}</p>
              ) : (
                <details className="fr-mb-1w">
                  <summary>{t('codes.checks', { count: code.checks.length })}</summary>
                  <ul>
                    {code.checks.map((check) => (
                      <li key={check.checkedAt}>
                        {when.format(new Date(check.checkedAt))} — {t(`codes.outcomes.${check.outcome}`)}
                      </li>
                    ))}
                  </ul>
                </details>
              )}
              {code.active && (
                <Button priority="secondary" size="small" onClick={() => void revoke(code.id)}>
                  {t('codes.revoke')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
