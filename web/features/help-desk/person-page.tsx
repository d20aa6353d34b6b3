/**
 * A person registered at the help desk (/agent/guichet/:personId, GET /api/v1/staff/help-desk/people/:personId):
 * identity, address, mobile number, the channels notices go out on, why the desk is used; their
 * permits with a form to record a residence card (POST …/permits); their applications and a new
 * one; their attestations to print. The applications open the applicant's own pages in help-desk
 * mode (web/features/journey/person-scope.tsx).
 */
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ApplicationSummaryBody, CardTypeListBody, PermitBody, RecordCardBody } from '../../../contract/applications';
import type { AssistedPersonBody } from '../../../contract/help-desk';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useLanguage } from '../../i18n';
import { useDocumentTitle } from '../../ui/use-document-title';
import { FocusedNotice, FormErrorSummary, looksLikeEmail, useAccountForm } from '../account/form';
import { StaffGate } from '../back-office/staff-gate';
import { useFormat } from '../calculator/use-format';
import { HelpDeskScope, usePersonScope } from '../journey/person-scope';
import { isRealDate } from '../journey/validate';
import { attestationPdfUrl, type AttestationList } from '../procedures/attestations';
import { HelpDeskLinks } from './help-desk-links';
import { personName } from './person-name';
import type { StaffPrefectures } from '../../../contract/back-office';
import { STATUS_SEVERITY } from '../journey/status-severity';


export function PersonPage() {
  const { t } = useTranslation('help-desk');
  useDocumentTitle(t('person.documentTitle'));
  const { personId = '' } = useParams();
  return (
    <StaffGate title={t('person.documentTitle')}>
      {() => (
        <HelpDeskScope personId={personId}>
          <PersonLoader personId={personId} />
        </HelpDeskScope>
      )}
    </StaffGate>
  );
}

function PersonLoader({ personId }: { personId: string }) {
  const { t } = useTranslation(['help-desk', 'account']);
  const { data, problem, loading, reload } = useApi<AssistedPersonBody>(`/staff/help-desk/people/${encodeURIComponent(personId)}`);
  const [invited, setInvited] = useState<string>();
  return (
    <div className="fr-container fr-py-6w">
      {data === undefined && <h1>{t('person.documentTitle')}</h1>}
      {data !== undefined && <h1>{t('person.title', { name: personName(data.profile) })}</h1>}
      <HelpDeskLinks current="person" />
      {loading && <p role="status">{t('loading')}</p>}
      {problem !== undefined && (
        <>
          <Alert className="fr-mb-4w" severity="error" as="h2" title={problem.title} description={problem.detail !== problem.title ? problem.detail : undefined} />
          <Button onClick={reload}>{t('account:retry')}</Button>
        </>
      )}
      {data !== undefined && (
        <div className="fr-grid-row">
          <div className="fr-col-12 fr-col-lg-10">
            <IdentitySection person={data} />
            {invited !== undefined && (
              <FocusedNotice>
                <Alert severity="success" small description={t('person.invite.sent', { email: invited })} />
              </FocusedNotice>
            )}
            {data.email === null && (
              <InviteForm
                personId={data.id}
                onInvited={(email) => {
                  setInvited(email);
                  reload();
                }}
              />
            )}
            <PermitsSection />
            <ApplicationsSection />
            <AttestationsSection />
          </div>
        </div>
      )}
    </div>
  );
}

const INVITE_FIELDS = ['email'] as const;

/** The person now has an email address: record it; they get a link to choose a password (POST …/invitation). */
function InviteForm({ personId, onInvited }: { personId: string; onInvited: (email: string) => void }) {
  const { t } = useTranslation(['help-desk', 'account']);
  const [email, setEmail] = useState('');
  const form = useAccountForm(INVITE_FIELDS);
  const ids = { email: { id: 'invite-email', label: t('person.invite.email') } };
  const onSubmit = form.submit(
    () => ({ email: email.trim() === '' ? t('account:validation.emailRequired') : looksLikeEmail(email) ? undefined : t('account:validation.emailFormat') }),
    async () => {
      await api.post(`/staff/help-desk/people/${encodeURIComponent(personId)}/invitation`, { email: email.trim() });
      onInvited(email.trim().toLowerCase());
    },
  );
  return (
    <section aria-labelledby="person-invite" className="fr-mb-6w">
      <h2 id="person-invite" className="fr-h4">
        {t('person.invite.title')}
      </h2>
      <p>{t('person.invite.intro')}</p>
      <form onSubmit={onSubmit} noValidate>
        <FormErrorSummary errors={form.errors} fields={ids} />
        <Input
          label={ids.email.label}
          {...form.fieldState('email')}
          nativeInputProps={{ id: ids.email.id, name: 'email', type: 'email', autoComplete: 'off', value: email, 'aria-required': true, onChange: (event) => setEmail(event.target.value) }}
        />
        <Button type="submit" priority="secondary" disabled={form.pending}>
          {form.pending ? t('sending') : t('person.invite.submit')}
        </Button>
      </form>
    </section>
  );
}

const CHANNEL_ORDER = ['sms', 'post', 'email', 'in_app'] as const;

function IdentitySection({ person }: { person: AssistedPersonBody }) {
  const { t } = useTranslation(['help-desk', 'profile']);
  const format = useFormat();
  const language = useLanguage();
  const mine = useApi<StaffPrefectures>('/staff/prefectures');
  const prefecture = mine.data?.prefectures.find((item) => item.id === person.prefectureId);
  const { profile } = person;
  const address = profile.address;
  // The channels that reach the person outside the service first.
  const channels = CHANNEL_ORDER.filter((channel) => person.channels.includes(channel)).map((channel) => t(`channels.${channel}`));
  const rows: Array<[string, string]> = [
    [t('profile:fields.birthDate.label'), format.shortDate(profile.birthDate)],
    ...(profile.birthPlace === null ? [] : [[t('person.birthPlace'), profile.birthPlace] as [string, string]]),
    [t('profile:fields.nationality.label'), profile.nationality],
    [
      t('person.address'),
      address === null ? t('person.noAddress') : [address.line1, address.line2, `${address.postalCode} ${address.city}`].filter((line) => line !== null && line !== '').join(', '),
    ],
    [t('person.phone'), person.phone ?? t('person.noPhone')],
    [t('person.email'), person.email ?? t('person.noEmail')],
    [t('person.channels'), channels.length === 0 ? t('person.noChannel') : new Intl.ListFormat(language, { type: 'conjunction' }).format(channels)],
    [t('person.locale'), t(`register.locales.${person.locale}`)],
    [t('person.reason'), t(`reasons.${person.reason}`)],
    [t('person.registered'), `${t('person.registeredOn', { date: format.shortDate(person.registeredAt.slice(0, 10)) })}${prefecture === undefined ? '' : ` — ${prefecture.name}`}`],
  ];
  return (
    <section aria-labelledby="person-identity" className="fr-mb-6w">
      <h2 id="person-identity">{t('person.identity')}</h2>
      <dl className="sejour-person" data-testid="person-details">
        {rows.map(([label, value]) => (
          <div key={label} className="fr-mb-1w">
            <dt className="fr-text--bold">{label}</dt>
            <dd className="fr-ml-0">{value}</dd>
          </div>
        ))}
      </dl>
      {!person.channels.includes('sms') && person.channels.includes('post') && <Alert severity="info" small description={t('person.postOnly')} />}
    </section>
  );
}

function PermitsSection() {
  const { t } = useTranslation(['help-desk', 'deadlines', 'applications']);
  const format = useFormat();
  const scope = usePersonScope();
  const permits = useApi<{ items: PermitBody[] }>(scope.api('/permits'));
  const [recorded, setRecorded] = useState<PermitBody>();
  return (
    <section aria-labelledby="person-permits" className="fr-mb-6w">
      <h2 id="person-permits">{t('person.permits.title')}</h2>
      {permits.problem !== undefined && <Alert severity="error" small description={permits.problem.detail} />}
      {permits.data !== undefined && permits.data.items.length === 0 && <p>{t('person.permits.none')}</p>}
      {permits.data !== undefined && permits.data.items.length > 0 && (
        <ul className="sejour-plain-list" data-testid="person-permits">
          {permits.data.items.map((permit) => (
            <li key={permit.id} className="fr-card fr-p-2w fr-mb-2w">
              <h3 className="fr-h6 fr-mb-1w">
                {t(`deadlines:permitKinds.${permit.kind}`)} — {t(`applications:cardTypes.${permit.cardType}.name`, { defaultValue: permit.cardType })}
              </h3>
              <p className="fr-mb-1w">{t('person.permits.validity', { from: format.shortDate(permit.validFrom), until: format.shortDate(permit.validUntil) })}</p>
              {permit.foreignerNumber !== null && <p className="fr-mb-0">{t('person.permits.foreignerNumber', { number: permit.foreignerNumber })}</p>}
            </li>
          ))}
        </ul>
      )}
      {recorded !== undefined && (
        <FocusedNotice key={recorded.id}>
          <Alert severity="success" small description={t('person.permits.recorded')} />
        </FocusedNotice>
      )}
      <RecordCardForm
        onRecorded={(permit) => {
          setRecorded(permit);
          permits.reload();
        }}
      />
      <p>
        <Link to={scope.paths.visa}>{t('person.permits.visaLink')}</Link>
      </p>
    </section>
  );
}

const CARD_KINDS = ['temporary_card', 'multi_year_card', 'resident_card'] as const;
const CARD_FIELDS = ['kind', 'cardType', 'number', 'validFrom', 'validUntil', 'foreignerNumber'] as const;
type CardField = (typeof CARD_FIELDS)[number];
type CardDraft = Record<CardField, string>;

function RecordCardForm({ onRecorded }: { onRecorded: (permit: PermitBody) => void }) {
  const { t, i18n } = useTranslation(['help-desk', 'errors', 'deadlines', 'account']);
  const format = useFormat();
  const scope = usePersonScope();
  const catalogue = useApi<CardTypeListBody>('/card-types');
  const empty: CardDraft = { kind: 'temporary_card', cardType: '', number: '', validFrom: '', validUntil: '', foreignerNumber: '' };
  const [draft, setDraft] = useState<CardDraft>(empty);
  const form = useAccountForm(CARD_FIELDS);
  const ids = Object.fromEntries(CARD_FIELDS.map((field) => [field, { id: `card-${field}`, label: t(`person.card.fields.${field}.label`) }])) as Record<CardField, { id: string; label: string }>;
  const set = (field: CardField, value: string) => setDraft((current) => ({ ...current, [field]: value }));

  const validate = () => {
    const messages: Partial<Record<CardField, string>> = {};
    if (draft.cardType === '') messages.cardType = t('errors:fields.required');
    if (draft.number !== '' && !/^[A-Za-z0-9]{4,32}$/.test(draft.number)) messages.number = t('errors:fields.pattern');
    for (const field of ['validFrom', 'validUntil'] as const) {
      if (draft[field] === '') messages[field] = t('errors:fields.required');
      else if (!isRealDate(draft[field])) messages[field] = t('errors:fields.format_date');
    }
    if (messages.validFrom === undefined && messages.validUntil === undefined && draft.validUntil < draft.validFrom) messages.validUntil = t('person.card.untilBeforeFrom');
    if (draft.foreignerNumber === '') messages.foreignerNumber = t('errors:fields.required');
    else if (!/^\d{9,10}$/.test(draft.foreignerNumber)) messages.foreignerNumber = t('person.card.foreignerNumberFormat');
    return messages;
  };

  const onSubmit = form.submit(validate, async () => {
    const body: RecordCardBody = {
      kind: draft.kind as RecordCardBody['kind'],
      cardType: draft.cardType as RecordCardBody['cardType'],
      ...(draft.number === '' ? {} : { number: draft.number }),
      validFrom: draft.validFrom,
      validUntil: draft.validUntil,
      foreignerNumber: draft.foreignerNumber,
    };
    const permit = await api.post<PermitBody>(scope.api('/permits'), body);
    setDraft(empty);
    onRecorded(permit);
  });

  const input = (field: Exclude<CardField, 'kind' | 'cardType'>, extra: { type?: string; optional?: boolean; inputMode?: 'numeric'; maxLength?: number } = {}) => {
    const hint = extra.type === 'date' ? format.dateHint : i18n.exists(`help-desk:person.card.fields.${field}.hint`) ? t(`person.card.fields.${field}.hint`) : '';
    return (
      <Input
        label={ids[field].label}
        {...(hint === '' ? {} : { hintText: hint })}
        {...form.fieldState(field)}
        nativeInputProps={{
          id: ids[field].id,
          name: field,
          value: draft[field],
          autoComplete: 'off',
          onChange: (event) => set(field, event.target.value),
          ...(extra.type === undefined ? {} : { type: extra.type }),
          ...(extra.inputMode === undefined ? {} : { inputMode: extra.inputMode }),
          ...(extra.maxLength === undefined ? {} : { maxLength: extra.maxLength }),
          ...(extra.optional ? {} : { 'aria-required': true }),
        }}
      />
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="card-form-title" className="fr-mb-4w">
      <h3 id="card-form-title" className="fr-h5">
        {t('person.card.title')}
      </h3>
      <p className="fr-text--sm">{t('person.card.intro')}</p>
      <FormErrorSummary errors={form.errors} fields={ids} />
      <Select label={ids.kind.label} {...form.fieldState('kind')} nativeSelectProps={{ id: ids.kind.id, name: 'kind', value: draft.kind, onChange: (event) => set('kind', event.target.value) }}>
        {CARD_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(`deadlines:permitKinds.${kind}`)}
          </option>
        ))}
      </Select>
      <Select
        label={ids.cardType.label}
        {...form.fieldState('cardType')}
        nativeSelectProps={{ id: ids.cardType.id, name: 'cardType', value: draft.cardType, 'aria-required': true, onChange: (event) => set('cardType', event.target.value) }}
      >
        <option value="" disabled>
          {t('register.choose')}
        </option>
        {(catalogue.data?.items ?? []).map((card) => (
          <option key={card.id} value={card.id}>
            {card.name}
          </option>
        ))}
      </Select>
      {input('number', { optional: true, maxLength: 32 })}
      {input('validFrom', { type: 'date' })}
      {input('validUntil', { type: 'date' })}
      {input('foreignerNumber', { inputMode: 'numeric', maxLength: 10 })}
      <Button type="submit" priority="secondary" disabled={form.pending}>
        {form.pending ? t('sending') : t('person.card.submit')}
      </Button>
    </form>
  );
}


function ApplicationsSection() {
  const { t } = useTranslation(['help-desk', 'applications']);
  const format = useFormat();
  const scope = usePersonScope();
  const { data, problem } = useApi<{ items: ApplicationSummaryBody[] }>(scope.api('/applications'));
  return (
    <section aria-labelledby="person-applications" className="fr-mb-6w">
      <h2 id="person-applications">{t('person.applications.title')}</h2>
      <p>
        <Link className="fr-btn fr-btn--secondary fr-icon-add-line fr-btn--icon-left" to={scope.paths.newApplication}>
          {t('person.applications.new')}
        </Link>
      </p>
      {problem !== undefined && <Alert severity="error" small description={problem.detail} />}
      {data !== undefined && data.items.length === 0 && <p>{t('person.applications.none')}</p>}
      {data !== undefined && data.items.length > 0 && (
        <ul className="sejour-plain-list" data-testid="person-applications">
          {data.items.map((application) => {
            const severity = STATUS_SEVERITY[application.status];
            const status = t(`applications:statuses.${application.status}`);
            return (
              <li key={application.id} className="fr-card fr-p-2w fr-mb-2w">
                <h3 className="fr-h6 fr-mb-1w">
                  <Link to={scope.paths.application(application.id)}>{t(`applications:cardTypes.${application.cardType}.name`, { defaultValue: application.cardType })}</Link>
                </h3>
                <p className="fr-mb-1w">{severity === undefined ? <Badge as="span">{status}</Badge> : <Badge as="span" severity={severity}>{status}</Badge>}</p>
                <p className="fr-mb-0 fr-text--sm">
                  {application.reference ?? t('person.applications.draft')}
                  {application.filedOn !== null && ` — ${t('person.applications.filedOn', { date: format.shortDate(application.filedOn) })}`}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function AttestationsSection() {
  const { t } = useTranslation(['help-desk', 'attestations']);
  const format = useFormat();
  const scope = usePersonScope();
  const { data, problem } = useApi<AttestationList>(scope.api('/attestations'));
  return (
    <section aria-labelledby="person-attestations" className="fr-mb-6w">
      <h2 id="person-attestations">{t('person.attestations.title')}</h2>
      {problem !== undefined && <Alert severity="error" small description={problem.detail} />}
      {data !== undefined && data.attestations.length === 0 && <p>{t('person.attestations.none')}</p>}
      {data !== undefined && data.attestations.length > 0 && (
        <ul className="sejour-plain-list" data-testid="person-attestations">
          {data.attestations.map((attestation) => {
            const kind = t(`attestations:kinds.${attestation.kind}.title`, { defaultValue: attestation.kind });
            return (
              <li key={attestation.id} className="fr-card fr-p-2w fr-mb-2w">
                <h3 className="fr-h6 fr-mb-1w">{kind}</h3>
                <p className="fr-mb-1w fr-text--sm">
                  {t('person.attestations.issuedOn', { date: format.shortDate(attestation.issuedOn) })}
                  {attestation.reference !== null && ` — ${attestation.reference}`}
                  {attestation.superseded && ` — ${t('person.attestations.superseded')}`}
                </p>
                <p className="fr-mb-0">
                  <a className="fr-btn fr-btn--sm fr-btn--secondary fr-icon-printer-line fr-btn--icon-left fr-mr-1w" href={attestationPdfUrl(attestation.id, 'fr', scope)} target="_blank" rel="noopener" hrefLang="fr" title={t('person.attestations.printTitle', { kind })}>
                    {t('person.attestations.print')}
                  </a>
                  <a className="fr-btn fr-btn--sm fr-btn--tertiary fr-icon-printer-line fr-btn--icon-left" href={attestationPdfUrl(attestation.id, 'en', scope)} target="_blank" rel="noopener" hrefLang="en" title={t('person.attestations.printEnglishTitle', { kind })}>
                    {t('person.attestations.printEnglish')}
                  </a>
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
