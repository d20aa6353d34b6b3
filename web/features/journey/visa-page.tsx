/**
 * The VLS-TS page (/espace/visa): record the visa (POST /api/v1/vls-ts), read the engine's answer
 * (validation possible until a date, with its rule [R-01]; or too late, with what to do instead and
 * no button), then validate it with the address in France and the electronic tax stamp
 * (POST /api/v1/vls-ts/:id/validation) → the numéro d'étranger and the validation attestation.
 */
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { CallOut } from '@codegouvfr/react-dsfr/CallOut';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CardTypeListBody, PermitBody, VlsTsValidationBody } from '../../../contract/applications';
import type { ProfileResponseBody } from '../../../contract/profile';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useLanguage } from '../../i18n';
import { useDocumentTitle } from '../../ui/use-document-title';
import { FocusedNotice, FormErrorSummary, useAccountForm } from '../account/form';
import { useFormat } from '../calculator/use-format';
import { attestationPdfUrl, type AttestationList } from '../procedures/attestations';
import { ActingForBanner } from '../help-desk/acting-for-banner';
import { usePermitDeadlines } from './engine';
import { BackHome, ScopeGate, usePersonScope } from './person-scope';
import { isRealDate, validateAddress, validateTaxStamp, type AddressDraft, type Messages } from './validate';

interface PermitList {
  items: PermitBody[];
}

export function VisaPage() {
  const { t } = useTranslation('journey');
  useDocumentTitle(t('visa.documentTitle'));
  return <ScopeGate title={t('visa.title')}>{() => <VisaSpace />}</ScopeGate>;
}

function VisaSpace() {
  const { t } = useTranslation(['journey', 'account']);
  const scope = usePersonScope();
  const permits = useApi<PermitList>(scope.api('/permits'));
  const [recorded, setRecorded] = useState<PermitBody>();
  const [validation, setValidation] = useState<VlsTsValidationBody>();
  const fromList = permits.data?.items.find((permit) => permit.kind === 'vls_ts');
  const permit = validation?.permit ?? recorded ?? fromList;

  return (
    <div className="fr-container fr-py-6w">
      <div className="fr-grid-row fr-grid-row--center">
        <div className="fr-col-12 fr-col-md-10 fr-col-lg-8">
          <ActingForBanner />
          <h1>{t('visa.title')}</h1>
          <p>{t('visa.intro')}</p>
          {permits.loading && <p role="status">{t('account:loading')}</p>}
          {permits.problem !== undefined && (
            <>
              <Alert className="fr-mb-4w" severity="error" as="h2" title={t('loadFailed')} description={permits.problem.detail} />
              <Button onClick={permits.reload}>{t('account:retry')}</Button>
            </>
          )}
          {permits.data !== undefined &&
            (permit === undefined ? (
              <RecordVisaForm onRecorded={setRecorded} />
            ) : (
              <>
                <VisaSummary permit={permit} />
                <EngineAnswer permit={permit} />
                {permit.vlsTs?.validation === 'possible' && <ValidateForm permit={permit} onValidated={setValidation} />}
                {permit.vlsTs?.validation === 'validated' && <Validated permit={permit} validation={validation} />}
              </>
            ))}
          <BackHome />
        </div>
      </div>
    </div>
  );
}

interface VisaDraft {
  number: string;
  cardType: string;
  validFrom: string;
  validUntil: string;
  enteredFranceOn: string;
}
const VISA_FIELDS = ['number', 'cardType', 'validFrom', 'validUntil', 'enteredFranceOn'] as const;
type VisaField = (typeof VISA_FIELDS)[number];

function validateVisa(draft: VisaDraft): Messages<VisaField> {
  const errors: Messages<VisaField> = {};
  if (draft.number !== '' && !/^[A-Za-z0-9]{4,32}$/.test(draft.number)) errors.number = { code: 'pattern' };
  if (draft.cardType === '') errors.cardType = { code: 'required' };
  for (const field of ['validFrom', 'validUntil', 'enteredFranceOn'] as const) {
    if (draft[field] === '') errors[field] = { code: 'required' };
    else if (!isRealDate(draft[field])) errors[field] = { code: 'format_date' };
  }
  if (errors.validFrom === undefined && errors.validUntil === undefined && draft.validUntil < draft.validFrom) errors.validUntil = { code: 'journey_valid_until_before_from' };
  return errors;
}

function RecordVisaForm({ onRecorded }: { onRecorded: (permit: PermitBody) => void }) {
  const { t } = useTranslation(['journey', 'errors', 'account']);
  const catalogue = useApi<CardTypeListBody>('/card-types');
  const [draft, setDraft] = useState<VisaDraft>({ number: '', cardType: '', validFrom: '', validUntil: '', enteredFranceOn: '' });
  const form = useAccountForm(VISA_FIELDS);
  const scope = usePersonScope();
  const ids = Object.fromEntries(VISA_FIELDS.map((field) => [field, { id: `visa-${field}`, label: t(`visa.fields.${field}.label`) }])) as Record<VisaField, { id: string; label: string }>;

  const onSubmit = form.submit(
    () => translateMessages(validateVisa(draft), t),
    async () => {
      const permit = await api.post<PermitBody>(scope.api('/vls-ts'), {
        cardType: draft.cardType,
        ...(draft.number === '' ? {} : { number: draft.number }),
        validFrom: draft.validFrom,
        validUntil: draft.validUntil,
        enteredFranceOn: draft.enteredFranceOn,
      });
      onRecorded(permit);
    },
  );

  const text = (field: Exclude<VisaField, 'cardType'>, extra: { type?: string; optional?: boolean } = {}) => {
    const hint = t(`visa.fields.${field}.hint`, { defaultValue: '' });
    return (
      <Input
        label={ids[field].label}
        {...(hint === '' ? {} : { hintText: hint })}
        {...form.fieldState(field)}
        nativeInputProps={{
          id: ids[field].id,
          name: field,
          value: draft[field],
          onChange: (event) => setDraft((current) => ({ ...current, [field]: event.target.value })),
          ...(extra.type === undefined ? {} : { type: extra.type }),
          ...(extra.optional ? {} : { 'aria-required': true }),
        }}
      />
    );
  };

  return (
    <section aria-labelledby="visa-record">
      <h2 id="visa-record">{t('visa.record.title')}</h2>
      <form onSubmit={onSubmit} noValidate>
        <FormErrorSummary errors={form.errors} fields={ids} />
        <p className="fr-hint-text">{t('account:form.requiredNotice')}</p>
        {text('number', { optional: true })}
        <Select
          label={ids.cardType.label}
          hint={t('visa.fields.cardType.hint')}
          {...form.fieldState('cardType')}
          nativeSelectProps={{
            id: ids.cardType.id,
            name: 'cardType',
            value: draft.cardType,
            'aria-required': true,
            onChange: (event) => setDraft((current) => ({ ...current, cardType: event.target.value })),
          }}
        >
          <option value="" disabled>
            {t('selectPlaceholder')}
          </option>
          {catalogue.data?.items.map((card) => (
            <option key={card.id} value={card.id}>
              {card.name}
            </option>
          ))}
        </Select>
        {text('validFrom', { type: 'date' })}
        {text('validUntil', { type: 'date' })}
        {text('enteredFranceOn', { type: 'date' })}
        <Button type="submit" disabled={form.pending}>
          {form.pending ? t('sending') : t('visa.record.submit')}
        </Button>
      </form>
    </section>
  );
}

function VisaSummary({ permit }: { permit: PermitBody }) {
  const { t } = useTranslation(['journey', 'applications']);
  const format = useFormat();
  return (
    <section aria-labelledby="visa-summary" className="fr-mb-4w">
      <h2 id="visa-summary">{t('visa.summary.title')}</h2>
      <ul>
        <li>{t('visa.summary.type', { type: t(`applications:cardTypes.${permit.cardType}.name`, { defaultValue: permit.cardType }) })}</li>
        {permit.number !== null && <li>{t('visa.summary.number', { number: permit.number })}</li>}
        <li>{t('visa.summary.validity', { from: format.shortDate(permit.validFrom), until: format.shortDate(permit.validUntil) })}</li>
        {permit.vlsTs !== null && <li>{t('visa.summary.entered', { date: format.shortDate(permit.vlsTs.enteredFranceOn) })}</li>}
      </ul>
    </section>
  );
}

/** What the engine says about validating this visa: possible until a date (with its rule), too late, or not yet. */
function EngineAnswer({ permit }: { permit: PermitBody }) {
  const { t } = useTranslation('journey');
  const format = useFormat();
  const language = useLanguage();
  const engine = usePermitDeadlines(permit);
  const vlsTs = permit.vlsTs;
  if (vlsTs === null || vlsTs.validation === 'validated') return null;
  const rule = engine?.dates.find((date) => date.id === 'vls_ts_validation_deadline');
  const deadline = format.longDate(rule?.on ?? vlsTs.validationDeadline);
  if (vlsTs.validation === 'too_late') {
    return (
      <div data-testid="visa-answer">
        <Alert
          className="fr-mb-4w"
          severity="error"
          as="h2"
          title={t('visa.tooLate.title')}
          description={
            <>
              <p>{t('visa.tooLate.deadlinePassed', { date: deadline })}</p>
              <p>{t('visa.tooLate.whatToDo')}</p>
              <p>
                <Link to="/prefectures">{t('visa.tooLate.findPrefecture')}</Link>
              </p>
              <p className="fr-text--sm">{t('rule', { citation: rule?.citation ?? t('visa.ruleFallback') })}</p>
            </>
          }
        />
      </div>
    );
  }
  return (
    <section aria-labelledby="visa-answer" className="fr-mb-4w" data-testid="visa-answer">
      <h2 id="visa-answer">{t('visa.answer.title')}</h2>
      <CallOut colorVariant={vlsTs.validation === 'possible' ? 'green-emeraude' : 'blue-ecume'}>
        <strong>{vlsTs.validation === 'possible' ? t('visa.answer.possibleUntil', { date: deadline }) : t('visa.answer.notEnteredYet', { date: format.longDate(vlsTs.enteredFranceOn) })}</strong>
        {rule !== undefined && (
          <>
            <br />
            {rule.explanation[language]}
          </>
        )}
        <br />
        <small>{t('rule', { citation: rule?.citation ?? t('visa.ruleFallback') })}</small>
      </CallOut>
    </section>
  );
}

const VALIDATE_FIELDS = ['address.line1', 'address.line2', 'address.postalCode', 'address.city', 'address.departement', 'taxStampNumber'] as const;
type ValidateField = (typeof VALIDATE_FIELDS)[number];

function ValidateForm({ permit, onValidated }: { permit: PermitBody; onValidated: (validation: VlsTsValidationBody) => void }) {
  const { t } = useTranslation(['journey', 'errors', 'account']);
  const scope = usePersonScope();
  // Both GET /me/profile and the help desk's person carry the profile as `.profile`.
  const profile = useApi<Pick<ProfileResponseBody, 'profile'>>(scope.profilePath);
  const known = profile.data?.profile?.address;
  const [typed, setTyped] = useState<Partial<AddressDraft>>({});
  const [stamp, setStamp] = useState('');
  const address: AddressDraft = {
    line1: typed.line1 ?? known?.line1 ?? '',
    line2: typed.line2 ?? known?.line2 ?? '',
    postalCode: typed.postalCode ?? known?.postalCode ?? '',
    city: typed.city ?? known?.city ?? '',
    departement: typed.departement ?? known?.departement ?? '',
  };
  const form = useAccountForm(VALIDATE_FIELDS);
  const ids = Object.fromEntries(
    VALIDATE_FIELDS.map((field) => [field, { id: `validate-${field.replace('address.', '')}`, label: t(`visa.validate.fields.${field.replace('address.', '')}.label`) }]),
  ) as Record<ValidateField, { id: string; label: string }>;

  const onSubmit = form.submit(
    () => translateMessages({ ...validateAddress(address), ...validateTaxStamp(stamp) }, t),
    async () => {
      const result = await api.post<VlsTsValidationBody>(scope.api(`/vls-ts/${encodeURIComponent(permit.id)}/validation`), {
        address: {
          line1: address.line1,
          ...(address.line2.trim() === '' ? {} : { line2: address.line2 }),
          postalCode: address.postalCode,
          city: address.city,
          departement: address.departement,
        },
        taxStampNumber: stamp.trim(),
      });
      onValidated(result);
    },
  );

  const field = (key: keyof AddressDraft, extra: { autoComplete: string; optional?: boolean; inputMode?: 'numeric'; upper?: boolean }) => {
    const path = `address.${key}` as ValidateField;
    return (
      <Input
        label={ids[path].label}
        {...form.fieldState(path)}
        nativeInputProps={{
          id: ids[path].id,
          name: key,
          value: address[key],
          autoComplete: extra.autoComplete,
          onChange: (event) => {
            const value = extra.upper ? event.target.value.toUpperCase() : event.target.value;
            setTyped((current) => ({ ...current, [key]: value }));
          },
          ...(extra.inputMode === undefined ? {} : { inputMode: extra.inputMode }),
          ...(extra.optional ? {} : { 'aria-required': true }),
        }}
      />
    );
  };

  return (
    <section aria-labelledby="visa-validate">
      <h2 id="visa-validate">{t('visa.validate.title')}</h2>
      <p>{t('visa.validate.intro')}</p>
      <form onSubmit={onSubmit} noValidate>
        <FormErrorSummary errors={form.errors} fields={ids} />
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend fr-h5">{t('visa.validate.address')}</legend>
          <div className="fr-fieldset__element">{field('line1', { autoComplete: 'address-line1' })}</div>
          <div className="fr-fieldset__element">{field('line2', { autoComplete: 'address-line2', optional: true })}</div>
          <div className="fr-fieldset__element">{field('postalCode', { autoComplete: 'postal-code', inputMode: 'numeric' })}</div>
          <div className="fr-fieldset__element">{field('city', { autoComplete: 'address-level2' })}</div>
          <div className="fr-fieldset__element">{field('departement', { autoComplete: 'off', upper: true })}</div>
        </fieldset>
        <Input
          label={ids.taxStampNumber.label}
          hintText={t('visa.validate.fields.taxStampNumber.hint')}
          {...form.fieldState('taxStampNumber')}
          nativeInputProps={{
            id: ids.taxStampNumber.id,
            name: 'taxStampNumber',
            value: stamp,
            inputMode: 'numeric',
            autoComplete: 'off',
            'aria-required': true,
            onChange: (event) => setStamp(event.target.value),
          }}
        />
        <Button type="submit" disabled={form.pending}>
          {form.pending ? t('sending') : t('visa.validate.submit')}
        </Button>
      </form>
    </section>
  );
}

function Validated({ permit, validation }: { permit: PermitBody; validation: VlsTsValidationBody | undefined }) {
  const { t } = useTranslation('journey');
  const format = useFormat();
  const language = useLanguage();
  const scope = usePersonScope();
  const attestations = useApi<AttestationList>(scope.api('/attestations'));
  const attestation = attestations.data?.attestations.find((item) => item.kind === 'vls_ts_validation' && !item.superseded);
  const content = (
    <div data-testid="visa-validated">
      <Alert
        severity="success"
        as="h2"
        className="fr-mb-4w"
        title={t('visa.validated.title')}
        description={
          <>
            {permit.vlsTs?.validatedOn != null && <p>{t('visa.validated.on', { date: format.longDate(permit.vlsTs.validatedOn) })}</p>}
            <p>
              {t('visa.validated.foreignerNumber')} <strong data-testid="foreigner-number">{permit.foreignerNumber}</strong>
            </p>
          </>
        }
      />
      {attestation !== undefined ? (
        <p>
          <a className="fr-btn fr-btn--secondary fr-icon-download-line fr-btn--icon-left" href={attestationPdfUrl(attestation.id, language, scope)} download>
            {t('visa.validated.download')}
          </a>
        </p>
      ) : (
        attestations.data !== undefined && <p>{t('visa.validated.attestationPending')}</p>
      )}
    </div>
  );
  return validation === undefined ? content : <FocusedNotice>{content}</FocusedNotice>;
}

/** Messages to show: `errors:fields.<code>` (the server's own), or `journey:fields.<code>` for the page's own checks. */
export function translateMessages<F extends string>(messages: Messages<F>, t: (key: string, values?: Record<string, unknown>) => string): Partial<Record<F, string>> {
  return Object.fromEntries(
    Object.entries(messages).map(([field, message]) => {
      const { code, params } = message as { code: string; params?: Record<string, string | number> };
      return [field, code.startsWith('journey_') ? t(`journey:fields.${code}`, params ?? {}) : t(`errors:fields.${code}`, params ?? {})];
    }),
  ) as Partial<Record<F, string>>;
}
