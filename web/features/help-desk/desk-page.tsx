/**
 * The préfecture's help desk (/agent/guichet): find a person already registered at the desks of
 * the agent's préfectures (GET /api/v1/staff/help-desk/people?q=, the search kept in the address),
 * or register a person who cannot use the online service (POST …/people) — identity, address in
 * France, mobile number for text messages, language of the letters, and why the desk is used
 * (CE 3 June 2022 n° 452798; docs/adr/0020-help-desk-substitution.md). Then the person's page.
 */
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { HELP_DESK_REASON_VALUES, type AssistedPersonBody, type AssistedPersonListBody, type HelpDeskReason, type RegisterPersonBody } from '../../../contract/help-desk';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useDocumentTitle } from '../../ui/use-document-title';
import { FormErrorSummary, useAccountForm } from '../account/form';
import { StaffGate } from '../back-office/staff-gate';
import { useFormat } from '../calculator/use-format';
import { PROFILE_LIMITS_WEB } from '../profile/limits';
import { PROFILE_FIELD_PATHS, todayHere, validateProfile, type ProfileDraft } from '../profile/validate-profile';
import { HelpDeskLinks } from './help-desk-links';
import { HELP_DESK_PATHS } from './paths';
import { personName } from './person-name';
import { normalisePhone, PHONE_PATTERN } from './phone';
import type { StaffPrefectures } from '../../../contract/back-office';


export function DeskPage() {
  const { t } = useTranslation('help-desk');
  useDocumentTitle(t('desk.title'));
  return <StaffGate title={t('desk.title')}>{() => <Desk />}</StaffGate>;
}

function Desk() {
  const { t } = useTranslation('help-desk');
  return (
    <div className="fr-container fr-py-6w">
      <h1>{t('desk.title')}</h1>
      <HelpDeskLinks current="desk" />
      <p className="fr-text--lead">{t('desk.lead')}</p>
      <SearchSection />
      <RegisterSection />
    </div>
  );
}

function SearchSection() {
  const { t } = useTranslation('help-desk');
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [typed, setTyped] = useState(q);
  const { data, problem, loading } = useApi<AssistedPersonListBody>('/staff/help-desk/people', { query: { q: q === '' ? undefined : q } });

  const search = (event: FormEvent) => {
    event.preventDefault();
    setParams(typed.trim() === '' ? {} : { q: typed.trim() });
  };

  return (
    <section aria-labelledby="desk-search" className="fr-mb-6w">
      <h2 id="desk-search">{t('desk.search.title')}</h2>
      <form onSubmit={search} role="search" className="fr-mb-2w">
        <Input label={t('desk.search.q')} hintText={t('desk.search.qHint')} nativeInputProps={{ id: 'desk-q', type: 'search', maxLength: 100, value: typed, onChange: (event) => setTyped(event.target.value) }} />
        <Button type="submit">{t('desk.search.submit')}</Button>
      </form>
      {problem !== undefined && <Alert severity="error" small description={problem.detail} />}
      {loading && <p role="status">{t('loading')}</p>}
      {data !== undefined && data.items.length === 0 && <p>{q === '' ? t('desk.search.noneYet') : t('desk.search.none', { q })}</p>}
      {data !== undefined && data.items.length > 0 && (
        <div className="fr-table fr-table--no-caption">
          <div className="fr-table__wrapper">
            <div className="fr-table__container">
              <div className="fr-table__content">
                <table data-testid="desk-people">
                  <caption>{q === '' ? t('desk.search.captionRecent') : t('desk.search.caption', { q })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('desk.search.columns.name')}</th>
                      <th scope="col">{t('desk.search.columns.birthDate')}</th>
                      <th scope="col">{t('desk.search.columns.reference')}</th>
                      <th scope="col">{t('desk.search.columns.registeredAt')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((person) => (
                      <tr key={person.id}>
                        <td>
                          <Link to={HELP_DESK_PATHS.person(person.id)}>{personName(person)}</Link>
                        </td>
                        <td>{format.shortDate(person.birthDate)}</td>
                        <td>{person.reference ?? '—'}</td>
                        <td>{format.shortDate(person.registeredAt.slice(0, 10))}</td>
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

interface RegisterDraft extends ProfileDraft {
  phone: string;
  locale: 'fr' | 'en';
  helpReason: HelpDeskReason | '';
  prefectureId: string;
}

// The profile's identity and address paths (its own `reason`, why details change, has no place here:
// at the desk `reason` is why the desk is used).
const { reason: _profileChangeReason, ...IDENTITY_PATHS } = PROFILE_FIELD_PATHS;

/** Field paths as the server names them in `errors[].field`. */
const FIELDS = {
  ...IDENTITY_PATHS,
  phone: 'phone',
  locale: 'locale',
  helpReason: 'reason',
  prefectureId: 'prefectureId',
} as const;
type DraftKey = keyof typeof FIELDS;
type FieldPath = (typeof FIELDS)[DraftKey];
const FIELD_PATHS = Object.values(FIELDS);
const ADDRESS_REQUIRED = ['line1', 'postalCode', 'city', 'departement'] as const;

const EMPTY: RegisterDraft = {
  surname: '',
  givenNames: '',
  birthDate: '',
  birthPlace: '',
  nationality: '',
  line1: '',
  line2: '',
  postalCode: '',
  city: '',
  departement: '',
  reason: '',
  phone: '',
  locale: 'fr',
  helpReason: '',
  prefectureId: '',
};


function RegisterSection() {
  const { t, i18n } = useTranslation(['help-desk', 'errors', 'account']);
  const format = useFormat();
  const navigate = useNavigate();
  const mine = useApi<StaffPrefectures>('/staff/prefectures');
  const prefectures = mine.data?.prefectures ?? [];
  const [draft, setDraft] = useState<RegisterDraft>(EMPTY);
  /** The page of the person already registered with these names and birth date (409 and its `Location`), to open instead. */
  const [twin, setTwin] = useState<{ personId: string; name: string }>();
  const form = useAccountForm<FieldPath>(FIELD_PATHS);
  const ids = Object.fromEntries((Object.keys(FIELDS) as DraftKey[]).map((key) => [FIELDS[key], { id: `register-${key}`, label: t(`register.fields.${key}.label`) }])) as Record<FieldPath, { id: string; label: string }>;
  const set = (key: DraftKey, value: string) => setDraft((current) => ({ ...current, [key]: value }));

  const validate = (): Partial<Record<FieldPath, string>> => {
    const messages: Partial<Record<FieldPath, string>> = {};
    for (const [field, message] of Object.entries(validateProfile(draft, todayHere()))) {
      if (field !== 'reason') messages[field as FieldPath] = t(`errors:fields.${message.code}`, message.params ?? {});
    }
    if (ADDRESS_REQUIRED.every((key) => draft[key].trim() === '')) {
      for (const key of ADDRESS_REQUIRED) messages[FIELDS[key]] = t('errors:fields.required');
    }
    if (draft.phone.trim() !== '' && !PHONE_PATTERN.test(normalisePhone(draft.phone))) messages.phone = t('register.fields.phone.invalid');
    if (draft.helpReason === '') messages.reason = t('errors:fields.required');
    if (prefectures.length > 1 && draft.prefectureId === '') messages.prefectureId = t('errors:fields.required');
    return messages;
  };


  const onSubmit = form.submit(validate, async () => {
    setTwin(undefined);
    const body: RegisterPersonBody = {
      surname: draft.surname,
      givenNames: draft.givenNames,
      birthDate: draft.birthDate,
      birthPlace: draft.birthPlace.trim() === '' ? null : draft.birthPlace,
      nationality: draft.nationality,
      address: {
        line1: draft.line1,
        line2: draft.line2.trim() === '' ? null : draft.line2,
        postalCode: draft.postalCode,
        city: draft.city,
        departement: draft.departement,
      },
      phone: draft.phone.trim() === '' ? null : normalisePhone(draft.phone),
      locale: draft.locale,
      reason: draft.helpReason as HelpDeskReason,
      ...(prefectures.length > 1 ? { prefectureId: draft.prefectureId } : {}),
    };
    const person = await api.post<AssistedPersonBody>('/staff/help-desk/people', body);
    await navigate(HELP_DESK_PATHS.person(person.id));
  }, (problem) => {
    const personId = problem.code === 'person_already_registered' ? problem.location?.split('/').pop() : undefined;
    // Same names and birth date as the draft (the server compares them without case).
    if (personId) setTwin({ personId, name: personName({ surname: draft.surname.trim(), givenNames: draft.givenNames.trim() }) });
    return false;
  });

  const field = (key: Exclude<DraftKey, 'locale' | 'helpReason' | 'prefectureId'>, extra: { type?: string; maxLength?: number; optional?: boolean; upper?: boolean; inputMode?: 'numeric' | 'tel' } = {}) => {
    const path = FIELDS[key];
    const hint = extra.type === 'date' ? format.dateHint : i18n.exists(`help-desk:register.fields.${key}.hint`) ? t(`register.fields.${key}.hint`) : '';
    return (
      <div className="fr-fieldset__element">
        <Input
          label={ids[path].label}
          {...(hint === '' ? {} : { hintText: hint })}
          {...form.fieldState(path)}
          nativeInputProps={{
            id: ids[path].id,
            name: key,
            value: draft[key],
            autoComplete: 'off',
            onChange: (event) => set(key, extra.upper ? event.target.value.toUpperCase() : event.target.value),
            ...(extra.type === undefined ? {} : { type: extra.type }),
            ...(extra.maxLength === undefined ? {} : { maxLength: extra.maxLength }),
            ...(extra.inputMode === undefined ? {} : { inputMode: extra.inputMode }),
            ...(extra.optional ? {} : { 'aria-required': true }),
          }}
        />
      </div>
    );
  };

  return (
    <section aria-labelledby="desk-register" className="fr-mb-6w">
      <h2 id="desk-register">{t('register.title')}</h2>
      <p>{t('register.intro')}</p>
      <form onSubmit={onSubmit} noValidate className="fr-col-12 fr-col-md-10 fr-col-lg-8 fr-px-0">
        <FormErrorSummary errors={form.errors} fields={ids} />
        {twin !== undefined && form.errors !== undefined && (
          <p>
            <Link className="fr-link fr-icon-arrow-right-line fr-link--icon-right" to={HELP_DESK_PATHS.person(twin.personId)}>
              {t('register.openTwin', { name: twin.name })}
            </Link>
          </p>
        )}
        <p className="fr-hint-text">{t('account:form.requiredNotice')}</p>
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend fr-h5">{t('register.identity')}</legend>
          {field('surname', { maxLength: PROFILE_LIMITS_WEB.surname })}
          {field('givenNames', { maxLength: PROFILE_LIMITS_WEB.givenNames })}
          {field('birthDate', { type: 'date' })}
          {field('birthPlace', { maxLength: PROFILE_LIMITS_WEB.birthPlace, optional: true })}
          {field('nationality', { maxLength: 3, upper: true })}
        </fieldset>
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend fr-h5">{t('register.address')}</legend>
          {field('line1', { maxLength: PROFILE_LIMITS_WEB.addressLine })}
          {field('line2', { maxLength: PROFILE_LIMITS_WEB.addressLine, optional: true })}
          {field('postalCode', { maxLength: 5, inputMode: 'numeric' })}
          {field('city', { maxLength: PROFILE_LIMITS_WEB.city })}
          {field('departement', { maxLength: 3, upper: true })}
        </fieldset>
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend fr-h5">{t('register.contact')}</legend>
          {field('phone', { type: 'tel', maxLength: 20, optional: true, inputMode: 'tel' })}
          <div className="fr-fieldset__element">
            <Select
              label={ids.locale.label}
              hint={t('register.fields.locale.hint')}
              {...form.fieldState('locale')}
              nativeSelectProps={{ id: ids.locale.id, name: 'locale', value: draft.locale, onChange: (event) => set('locale', event.target.value) }}
            >
              <option value="fr">{t('register.locales.fr')}</option>
              <option value="en">{t('register.locales.en')}</option>
            </Select>
          </div>
        </fieldset>
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend fr-h5">{t('register.desk')}</legend>
          <div className="fr-fieldset__element">
            <Select
              label={ids.reason.label}
              hint={t('register.fields.helpReason.hint')}
              {...form.fieldState('reason')}
              nativeSelectProps={{ id: ids.reason.id, name: 'reason', value: draft.helpReason, 'aria-required': true, onChange: (event) => set('helpReason', event.target.value) }}
            >
              <option value="" disabled>
                {t('register.choose')}
              </option>
              {HELP_DESK_REASON_VALUES.map((reason) => (
                <option key={reason} value={reason}>
                  {t(`reasons.${reason}`)}
                </option>
              ))}
            </Select>
          </div>
          {prefectures.length > 1 && (
            <div className="fr-fieldset__element">
              <Select
                label={ids.prefectureId.label}
                {...form.fieldState('prefectureId')}
                nativeSelectProps={{ id: ids.prefectureId.id, name: 'prefectureId', value: draft.prefectureId, 'aria-required': true, onChange: (event) => set('prefectureId', event.target.value) }}
              >
                <option value="" disabled>
                  {t('register.choose')}
                </option>
                {prefectures.map((prefecture) => (
                  <option key={prefecture.id} value={prefecture.id}>
                    {prefecture.name}
                  </option>
                ))}
              </Select>
            </div>
          )}
        </fieldset>
        <Button type="submit" disabled={form.pending}>
          {form.pending ? t('sending') : t('register.submit')}
        </Button>
      </form>
    </section>
  );
}
