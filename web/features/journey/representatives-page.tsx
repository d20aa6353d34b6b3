/**
 * Representatives (/espace/representants): authorise a representative — their own Sejour account,
 * by email — with scopes, see and revoke the authorisations given (revoked ones stay listed), and,
 * for a representative, the people who authorised them with their applications
 * (GET/POST /api/v1/representations, DELETE …/:id, GET /api/v1/represented/:id/applications).
 */
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApplicationSummaryBody } from '../../../contract/applications';
import type { RepresentationBody, RepresentationListBody } from '../../../contract/representations';
import { api, isApiProblem } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useDocumentTitle } from '../../ui/use-document-title';
import { FocusedNotice, FormErrorSummary, looksLikeEmail, useAccountForm } from '../account/form';
import { RequireSession } from '../account/require-session';
import { useFormat } from '../calculator/use-format';
import { PROCEDURE_PATHS } from '../procedures/paths';
import { KINDS, SCOPES } from './representation-lists';

const FIELDS = ['email', 'kind', 'scopes'] as const;
type Field = (typeof FIELDS)[number];

const scopeKey = (scope: string) => scope.replace('applications:', '');

export function RepresentativesPage() {
  const { t } = useTranslation('journey');
  useDocumentTitle(t('representatives.title'));
  return <RequireSession title={t('representatives.title')}>{() => <Representatives />}</RequireSession>;
}

function Representatives() {
  const { t } = useTranslation(['journey', 'account']);
  const { data, problem, loading, reload } = useApi<RepresentationListBody>('/representations');
  const [current, setCurrent] = useState<RepresentationListBody>();
  const list = current ?? data;
  const refresh = async () => setCurrent(await api.get<RepresentationListBody>('/representations'));
  return (
    <div className="fr-container fr-py-6w">
      <div className="fr-grid-row fr-grid-row--center">
        <div className="fr-col-12 fr-col-md-10 fr-col-lg-8">
          <h1>{t('representatives.title')}</h1>
          <p>{t('representatives.intro')}</p>
          {loading && <p role="status">{t('account:loading')}</p>}
          {problem !== undefined && list === undefined && (
            <>
              <Alert className="fr-mb-4w" severity="error" as="h2" title={t('loadFailed')} description={problem.detail} />
              <Button onClick={reload}>{t('account:retry')}</Button>
            </>
          )}
          <GrantForm onGranted={refresh} />
          {list !== undefined && <Granted items={list.granted} onRevoked={refresh} />}
          {list !== undefined && list.received.length > 0 && <Received items={list.received} />}
          <p className="fr-mt-6w">
            <Link to={PROCEDURE_PATHS.space}>{t('backToSpace')}</Link>
          </p>
        </div>
      </div>
    </div>
  );
}

function GrantForm({ onGranted }: { onGranted: () => Promise<void> }) {
  const { t } = useTranslation(['journey', 'errors', 'account']);
  const [email, setEmail] = useState('');
  const [kind, setKind] = useState('');
  const [scopes, setScopes] = useState<string[]>(['applications:read']);
  const [done, setDone] = useState(0);
  const form = useAccountForm(FIELDS);
  const ids: Record<Field, { id: string; label: string }> = {
    email: { id: 'representative-email', label: t('representatives.grant.email') },
    kind: { id: 'representative-kind', label: t('representatives.grant.kind') },
    scopes: { id: 'representative-scopes', label: t('representatives.grant.scopes') },
  };
  const onSubmit = form.submit(
    () => ({
      ...(email.trim() === '' ? { email: t('errors:fields.required') } : !looksLikeEmail(email) ? { email: t('errors:fields.format', { format: 'email' }) } : {}),
      ...(kind === '' ? { kind: t('errors:fields.required') } : {}),
    }),
    async () => {
      await api.post<RepresentationBody>('/representations', { email: email.trim(), kind, scopes });
      setEmail('');
      setKind('');
      setScopes(['applications:read']);
      setDone((count) => count + 1);
      await onGranted();
    },
  );
  return (
    <section aria-labelledby="representatives-grant" className="fr-mb-6w">
      <h2 id="representatives-grant">{t('representatives.grant.title')}</h2>
      {done > 0 && (
        <FocusedNotice key={done}>
          <Alert severity="success" small description={t('representatives.grant.done')} />
        </FocusedNotice>
      )}
      <form onSubmit={onSubmit} noValidate>
        <FormErrorSummary errors={form.errors} fields={ids} />
        <Input
          label={ids.email.label}
          hintText={t('representatives.grant.emailHint')}
          {...form.fieldState('email')}
          nativeInputProps={{ id: ids.email.id, type: 'email', autoComplete: 'off', value: email, 'aria-required': true, onChange: (event) => setEmail(event.target.value) }}
        />
        <Select label={ids.kind.label} {...form.fieldState('kind')} nativeSelectProps={{ id: ids.kind.id, value: kind, 'aria-required': true, onChange: (event) => setKind(event.target.value) }}>
          <option value="" disabled>
            {t('selectPlaceholder')}
          </option>
          {KINDS.map((value) => (
            <option key={value} value={value}>
              {t(`representatives.kinds.${value}`)}
            </option>
          ))}
        </Select>
        <Checkbox
          id={ids.scopes.id}
          legend={ids.scopes.label}
          options={SCOPES.map((scope) => ({
            label: t(`representatives.scopes.${scopeKey(scope)}`),
            nativeInputProps: {
              name: 'scopes',
              value: scope,
              checked: scopes.includes(scope),
              disabled: scope === 'applications:read',
              onChange: (event) => setScopes((current) => (event.target.checked ? [...current, scope] : current.filter((item) => item !== scope))),
            },
          }))}
        />
        <Button type="submit" disabled={form.pending}>
          {form.pending ? t('sending') : t('representatives.grant.submit')}
        </Button>
      </form>
    </section>
  );
}

function Granted({ items, onRevoked }: { items: RepresentationBody[]; onRevoked: () => Promise<void> }) {
  const { t } = useTranslation('journey');
  const format = useFormat();
  const [confirming, setConfirming] = useState<string>();
  const [error, setError] = useState<string>();
  const revoke = async (id: string) => {
    setError(undefined);
    try {
      await api.delete(`/representations/${encodeURIComponent(id)}`);
      setConfirming(undefined);
      await onRevoked();
    } catch (caught) {
      if (!isApiProblem(caught)) throw caught;
      setError(caught.detail);
    }
  };
  return (
    <section aria-labelledby="representatives-granted" className="fr-mb-6w">
      <h2 id="representatives-granted">{t('representatives.granted.title')}</h2>
      {error !== undefined && <Alert severity="error" small description={error} className="fr-mb-2w" />}
      {items.length === 0 ? (
        <p>{t('representatives.granted.none')}</p>
      ) : (
        <ul className="sejour-plain-list">
          {items.map((item) => (
            <li key={item.id} className="fr-card fr-p-2w fr-mb-2w" data-testid="representation">
              <h3 className="fr-h6 fr-mb-1w sejour-break">
                {item.representative.displayName} ({item.representative.email})
              </h3>
              <p className="fr-mb-1w">
                {t(`representatives.kinds.${item.kind}`)} —{' '}
                {item.active ? (
                  <Badge as="span" small severity="success">
                    {t('representatives.granted.active', { date: format.shortDate(item.createdAt.slice(0, 10)) })}
                  </Badge>
                ) : (
                  <Badge as="span" small>
                    {t('representatives.granted.revoked', { date: format.shortDate((item.revokedAt ?? item.createdAt).slice(0, 10)) })}
                  </Badge>
                )}
              </p>
              <ul>
                {item.scopes.map((scope) => (
                  <li key={scope}>{t(`representatives.scopes.${scopeKey(scope)}`)}</li>
                ))}
              </ul>
              {item.active &&
                (confirming === item.id ? (
                  <FocusedNotice>
                    <p>{t('representatives.granted.confirm', { name: item.representative.displayName })}</p>
                    <Button size="small" onClick={() => void revoke(item.id)} className="fr-mr-1w">
                      {t('representatives.granted.confirmButton')}
                    </Button>
                    <Button size="small" priority="tertiary" onClick={() => setConfirming(undefined)}>
                      {t('application.cancel')}
                    </Button>
                  </FocusedNotice>
                ) : (
                  <Button size="small" priority="secondary" onClick={() => setConfirming(item.id)}>
                    {t('representatives.granted.revoke')}
                  </Button>
                ))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Received({ items }: { items: RepresentationBody[] }) {
  const { t } = useTranslation('journey');
  return (
    <section aria-labelledby="representatives-received" className="fr-mb-6w">
      <h2 id="representatives-received">{t('representatives.received.title')}</h2>
      <ul className="sejour-plain-list">
        {items.map((item) => (
          <RepresentedPerson key={item.id} item={item} />
        ))}
      </ul>
    </section>
  );
}

function RepresentedPerson({ item }: { item: RepresentationBody }) {
  const { t } = useTranslation(['journey', 'applications']);
  const { data } = useApi<{ items: ApplicationSummaryBody[] }>(`/represented/${encodeURIComponent(item.id)}/applications`);
  return (
    <li className="fr-card fr-p-2w fr-mb-2w">
      <h3 className="fr-h6 fr-mb-1w sejour-break">{item.person.displayName}</h3>
      <p className="fr-text--sm">{item.scopes.map((scope) => t(`representatives.scopes.${scopeKey(scope)}`)).join(' · ')}</p>
      {data !== undefined &&
        (data.items.length === 0 ? (
          <p>{t('representatives.received.none')}</p>
        ) : (
          <ul>
            {data.items.map((application) => (
              <li key={application.id}>
                {t(`applications:cardTypes.${application.cardType}.name`, { defaultValue: application.cardType })} — {t(`applications:statuses.${application.status}`)}
                {application.reference !== null && ` — ${application.reference}`}
              </li>
            ))}
          </ul>
        ))}
    </li>
  );
}
