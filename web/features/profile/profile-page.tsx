/**
 * The applicant's identity and address (GET/PUT /api/v1/me/profile) and the log of their changes.
 * The form checks in the browser with the server's messages, keeps what was typed when saving
 * fails, and after a first filing asks for an optional reason (the préfecture sees it).
 */
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileResponseBody } from '../../../contract/profile';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useDocumentTitle } from '../../ui/use-document-title';
import { FocusedNotice, FormErrorSummary, useAccountForm } from '../account/form';
import { RequireSession } from '../account/require-session';
import { useFormat } from '../calculator/use-format';
import { PROFILE_LIMITS_WEB } from './limits';
import { PROFILE_FIELD_PATHS, toProfileBody, validateProfile, type ProfileDraft, type ProfileFieldPath, todayHere } from './validate-profile';

const FIELD_PATHS = Object.values(PROFILE_FIELD_PATHS) as ProfileFieldPath[];

function draftOf(response: ProfileResponseBody | undefined): ProfileDraft {
  const profile = response?.profile;
  return {
    surname: profile?.surname ?? '',
    givenNames: profile?.givenNames ?? '',
    birthDate: profile?.birthDate ?? '',
    birthPlace: profile?.birthPlace ?? '',
    nationality: profile?.nationality ?? '',
    line1: profile?.address?.line1 ?? '',
    line2: profile?.address?.line2 ?? '',
    postalCode: profile?.address?.postalCode ?? '',
    city: profile?.address?.city ?? '',
    departement: profile?.address?.departement ?? '',
    reason: '',
  };
}


export function ProfilePage() {
  const { t } = useTranslation('profile');
  useDocumentTitle(t('documentTitle'));
  return <RequireSession title={t('title')}>{() => <ProfileLoader />}</RequireSession>;
}

function ProfileLoader() {
  const { t } = useTranslation(['profile', 'account']);
  const { data, problem, loading, reload } = useApi<ProfileResponseBody>('/me/profile');
  return (
    <div className="fr-container fr-py-6w">
      <div className="fr-grid-row">
        <div className="fr-col-12 fr-col-md-10 fr-col-lg-8">
          <h1>{t('title')}</h1>
          <p className="fr-text--lead">{t('lead')}</p>
          {loading && <p role="status">{t('account:loading')}</p>}
          {problem !== undefined && (
            <>
              <Alert className="fr-mb-4w" severity="error" as="h2" title={t('loadFailed')} description={problem.detail} />
              <Button onClick={reload}>{t('account:retry')}</Button>
            </>
          )}
          {data !== undefined && <ProfileForm initial={data} />}
        </div>
      </div>
    </div>
  );
}

function ProfileForm({ initial }: { initial: ProfileResponseBody }) {
  const { t } = useTranslation(['profile', 'errors', 'account']);
  const [saved, setSaved] = useState<ProfileResponseBody>(initial);
  const [draft, setDraft] = useState<ProfileDraft>(() => draftOf(initial));
  const [notice, setNotice] = useState<'saved' | 'declared'>();
  const form = useAccountForm(FIELD_PATHS);

  const ids = Object.fromEntries(
    (Object.keys(PROFILE_FIELD_PATHS) as (keyof ProfileDraft)[]).map((key) => [PROFILE_FIELD_PATHS[key], { id: `profile-${key}`, label: t(`fields.${key}.label`) }]),
  ) as Record<ProfileFieldPath, { id: string; label: string }>;

  const onSubmit = form.submit(
    () => {
      const invalid = validateProfile(draft, todayHere());
      return Object.fromEntries(Object.entries(invalid).map(([field, message]) => [field, t(`errors:fields.${message.code}`, message.params ?? {})]));
    },
    async () => {
      setNotice(undefined);
      const before = saved.addressDeclarations.length;
      const response = await api.put<ProfileResponseBody>('/me/profile', toProfileBody(draft));
      setSaved(response);
      setDraft(draftOf(response));
      setNotice(response.addressDeclarations.length > before ? 'declared' : 'saved');
    },
  );

  const field = (key: keyof ProfileDraft, extra: { autoComplete?: string; maxLength?: number; type?: string; inputMode?: 'numeric' | 'text'; optional?: boolean; upper?: boolean } = {}) => {
    const path = PROFILE_FIELD_PATHS[key];
    const hint = t(`fields.${key}.hint`, { defaultValue: '' });
    return (
      <Input
        label={ids[path].label}
        {...(hint === '' ? {} : { hintText: hint })}
        {...form.fieldState(path)}
        nativeInputProps={{
          id: ids[path].id,
          name: key,
          value: draft[key],
          onChange: (event) => {
            const value = extra.upper ? event.target.value.toUpperCase() : event.target.value;
            setDraft((current) => ({ ...current, [key]: value }));
          },
          ...(extra.autoComplete === undefined ? {} : { autoComplete: extra.autoComplete }),
          ...(extra.maxLength === undefined ? {} : { maxLength: extra.maxLength }),
          ...(extra.type === undefined ? {} : { type: extra.type }),
          ...(extra.inputMode === undefined ? {} : { inputMode: extra.inputMode }),
          ...(extra.optional ? {} : { 'aria-required': true }),
        }}
      />
    );
  };

  return (
    <>
      {notice !== undefined && (
        <FocusedNotice key={saved.profile?.updatedAt}>
          <Alert severity="success" small description={t(notice === 'declared' ? 'savedDeclaration' : 'saved')} />
        </FocusedNotice>
      )}
      <form onSubmit={onSubmit} noValidate>
        <FormErrorSummary errors={form.errors} fields={ids} />
        <p className="fr-hint-text">{t('account:form.requiredNotice')}</p>
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend fr-h4">{t('identity')}</legend>
          <div className="fr-fieldset__element">{field('surname', { autoComplete: 'family-name', maxLength: PROFILE_LIMITS_WEB.surname })}</div>
          <div className="fr-fieldset__element">{field('givenNames', { autoComplete: 'given-name', maxLength: PROFILE_LIMITS_WEB.givenNames })}</div>
          <div className="fr-fieldset__element">{field('birthDate', { autoComplete: 'bday', type: 'date' })}</div>
          <div className="fr-fieldset__element">{field('birthPlace', { maxLength: PROFILE_LIMITS_WEB.birthPlace, optional: true })}</div>
          <div className="fr-fieldset__element">{field('nationality', { maxLength: 3, upper: true })}</div>
        </fieldset>
        <fieldset className="fr-fieldset" aria-describedby="profile-address-hint">
          <legend className="fr-fieldset__legend fr-h4">{t('address')}</legend>
          <p id="profile-address-hint" className="fr-hint-text fr-fieldset__element">
            {t('addressHint')}
          </p>
          <div className="fr-fieldset__element">{field('line1', { autoComplete: 'address-line1', maxLength: PROFILE_LIMITS_WEB.addressLine })}</div>
          <div className="fr-fieldset__element">{field('line2', { autoComplete: 'address-line2', maxLength: PROFILE_LIMITS_WEB.addressLine, optional: true })}</div>
          <div className="fr-fieldset__element">{field('postalCode', { autoComplete: 'postal-code', maxLength: 5, inputMode: 'numeric' })}</div>
          <div className="fr-fieldset__element">{field('city', { autoComplete: 'address-level2', maxLength: PROFILE_LIMITS_WEB.city })}</div>
          <div className="fr-fieldset__element">{field('departement', { maxLength: 3, upper: true })}</div>
        </fieldset>
        {saved.changesRecorded && <div className="fr-mb-3w">{field('reason', { maxLength: PROFILE_LIMITS_WEB.reason, optional: true })}</div>}
        <Button type="submit" disabled={form.pending}>
          {form.pending ? t('saving') : t('save')}
        </Button>
      </form>
      <ChangeLog response={saved} />
    </>
  );
}

function ChangeLog({ response }: { response: ProfileResponseBody }) {
  const { t } = useTranslation(['profile', 'applications']);
  const format = useFormat();
  const value = (text: string | null) => (text === null || text === '' ? t('changes.empty') : text);
  return (
    <section aria-labelledby="profile-changes" className="fr-mt-6w">
      <h2 id="profile-changes">{t('changes.title')}</h2>
      {!response.changesRecorded ? (
        <p>{t('changes.notRecorded')}</p>
      ) : response.changes.length === 0 ? (
        <p>{t('changes.none')}</p>
      ) : (
        <div className="fr-table fr-table--no-caption">
          <div className="fr-table__wrapper">
            <div className="fr-table__container">
              <div className="fr-table__content">
                <table>
                  <caption>{t('changes.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('changes.when')}</th>
                      <th scope="col">{t('changes.field')}</th>
                      <th scope="col">{t('changes.old')}</th>
                      <th scope="col">{t('changes.new')}</th>
                      <th scope="col">{t('changes.reason')}</th>
                      <th scope="col">{t('changes.who')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {response.changes.map((change) => (
                      <tr key={change.id}>
                        <td>{format.shortDate(change.changedAt.slice(0, 10))}</td>
                        <td>{t(`changes.fieldNames.${change.field}`)}</td>
                        <td>{value(change.oldValue)}</td>
                        <td>{value(change.newValue)}</td>
                        <td>{value(change.reason)}</td>
                        <td>{t(`applications:actors.${change.actorKind}`)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          </div>
        </div>
      )}
    </section>
  );
}
