import { Accordion } from '@codegouvfr/react-dsfr/Accordion';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { ButtonsGroup } from '@codegouvfr/react-dsfr/ButtonsGroup';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DepartementBody } from '../../../contract/reference';
import { DECISION_KINDS, PERMIT_KINDS } from '../../../domain/deadlines/types';
import { CARD_TYPE_IDS } from '../../../domain/rules/card-types';
import { ErrorSummary, type CalculatorErrors } from './error-summary';
import {
  addDocumentRequest,
  removeDocumentRequest,
  showsNotifiedOn,
  showsReasonsFields,
  showsVlsTsFields,
  updateDocumentRequest,
  type CalculatorFormState,
  type DecisionChoice,
} from './form-state';
import { DECISION_GROUP_ID, documentRequestPath, fieldId } from './request';
import { useFormat } from './use-format';

/** The body of `GET /api/v1/departements`. */
export interface DepartmentList {
  items: DepartementBody[];
}

export interface DepartmentsState {
  data: DepartmentList | undefined;
  failed: boolean;
  reload: () => void;
}

export interface CalculatorFormProps {
  form: CalculatorFormState;
  onChange: (update: (form: CalculatorFormState) => CalculatorFormState) => void;
  departments: DepartmentsState;
  errors: CalculatorErrors | undefined;
  pending: boolean;
  advancedOpen: boolean;
  onAdvancedOpenChange: (open: boolean) => void;
  onSubmit: () => void;
  onReset: () => void;
}

const DECISION_CHOICES: readonly DecisionChoice[] = ['none', ...DECISION_KINDS];
const ADD_REQUEST_BUTTON_ID = 'calculator-add-document-request';

/** Error state props of react-dsfr's Input and Select for a field path. */
function errorState(errors: CalculatorErrors | undefined, path: string) {
  const message = errors?.byField[path];
  return message === undefined ? {} : { state: 'error' as const, stateRelatedMessage: message };
}

function DateField(props: {
  path: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  errors: CalculatorErrors | undefined;
  required?: boolean;
}) {
  const { dateHint } = useFormat();
  const invalid = props.errors?.byField[props.path] !== undefined;
  return (
    <Input
      label={props.label}
      hintText={props.hint === undefined ? dateHint : `${props.hint} ${dateHint}`}
      {...errorState(props.errors, props.path)}
      nativeInputProps={{
        id: fieldId(props.path),
        name: props.path,
        type: 'date',
        min: '1900-01-01',
        max: '2199-12-31',
        value: props.value,
        required: props.required === true,
        onChange: (event) => props.onChange(event.target.value),
        ...(invalid ? { 'aria-invalid': true } : {}),
      }}
    />
  );
}

/** One `fr-fieldset__element` row. */
function Element({ children }: { children: ReactNode }) {
  return <div className="fr-fieldset__element">{children}</div>;
}

/**
 * The person's situation: the permit, then (once filed) the application with its document
 * requests, decision and reasons, and an optional day to compute for. Fields that do not apply
 * stay hidden. Every field's id is its API path (`fieldId`), so server errors land beside it.
 */
export function CalculatorForm(props: CalculatorFormProps) {
  const { form, onChange, errors, departments } = props;
  const { t } = useTranslation(['calculator', 'deadlines', 'common']);
  const set = (change: Partial<CalculatorFormState>) => onChange((current) => ({ ...current, ...change }));
  const focusAfterRender = useRef<string>(undefined);

  useEffect(() => {
    const id = focusAfterRender.current;
    if (id === undefined) return;
    focusAfterRender.current = undefined;
    document.getElementById(id)?.focus();
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    props.onSubmit();
  };

  const addRequest = () => {
    focusAfterRender.current = fieldId(documentRequestPath(form.documentRequests.length, 'requestedOn'));
    onChange(addDocumentRequest);
  };
  const removeRequest = (key: number) => {
    focusAfterRender.current = ADD_REQUEST_BUTTON_ID;
    onChange((current) => removeDocumentRequest(current, key));
  };

  const invalid = (path: string) => (errors?.byField[path] === undefined ? {} : { 'aria-invalid': true as const });
  const departmentItems = departments.data?.items ?? [];

  return (
    <form onSubmit={submit} noValidate aria-labelledby="calculator-form-title">
      <h2 id="calculator-form-title">{t('form.title')}</h2>
      {errors !== undefined && <ErrorSummary errors={errors} form={form} />}
      <p className="fr-text--sm">{t('form.requiredNotice')}</p>

      <fieldset className="fr-fieldset" aria-labelledby="calculator-permit-legend">
        <legend id="calculator-permit-legend" className="fr-fieldset__legend">
          {t('form.permitLegend')}
          <span className="fr-hint-text">{t('form.permitHint')}</span>
        </legend>
        <Element>
          <Select
            label={t('fields.department.label')}
            hint={t('fields.department.hint')}
            {...(departments.failed
              ? { state: 'error' as const, stateRelatedMessage: t('fields.department.unavailable') }
              : errorState(errors, 'department'))}
            nativeSelectProps={{
              id: fieldId('department'),
              name: 'department',
              required: true,
              value: form.department,
              onChange: (event) => set({ department: event.target.value }),
              ...invalid('department'),
            }}
          >
            <option value="" disabled>
              {departments.data === undefined && !departments.failed ? t('fields.department.loading') : t('form.selectPlaceholder')}
            </option>
            {departmentItems.map((item) => (
              <option key={item.code} value={item.code}>
                {t('fields.department.option', { code: item.code, name: item.name })}
              </option>
            ))}
          </Select>
          {departments.failed && (
            <Button type="button" priority="secondary" size="small" iconId="fr-icon-refresh-line" className="fr-mb-3w" onClick={departments.reload}>
              {t('common:actions.retry')}
            </Button>
          )}
        </Element>
        <Element>
          <Select
            label={t('fields.permitKind.label')}
            {...errorState(errors, 'permit.kind')}
            nativeSelectProps={{
              id: fieldId('permit.kind'),
              name: 'permit.kind',
              required: true,
              value: form.permitKind,
              onChange: (event) => set({ permitKind: event.target.value as CalculatorFormState['permitKind'] }),
              ...invalid('permit.kind'),
            }}
          >
            <option value="" disabled>
              {t('form.selectPlaceholder')}
            </option>
            {PERMIT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`deadlines:permitKinds.${kind}`)}
              </option>
            ))}
          </Select>
        </Element>
        <Element>
          <Select
            label={t('fields.cardType.label')}
            hint={t('fields.cardType.hint')}
            {...errorState(errors, 'permit.cardType')}
            nativeSelectProps={{
              id: fieldId('permit.cardType'),
              name: 'permit.cardType',
              required: true,
              value: form.cardType,
              onChange: (event) => set({ cardType: event.target.value as CalculatorFormState['cardType'] }),
              ...invalid('permit.cardType'),
            }}
          >
            <option value="" disabled>
              {t('form.selectPlaceholder')}
            </option>
            {CARD_TYPE_IDS.map((cardType) => (
              <option key={cardType} value={cardType}>
                {t(`deadlines:cardTypes.${cardType}`)}
              </option>
            ))}
          </Select>
        </Element>
        <Element>
          <DateField
            path="permit.validFrom"
            label={t('fields.validFrom.label')}
            hint={t('fields.validFrom.hint')}
            value={form.validFrom}
            onChange={(validFrom) => set({ validFrom })}
            errors={errors}
            required
          />
        </Element>
        <Element>
          <DateField
            path="permit.validUntil"
            label={t('fields.validUntil.label')}
            hint={t('fields.validUntil.hint')}
            value={form.validUntil}
            onChange={(validUntil) => set({ validUntil })}
            errors={errors}
            required
          />
        </Element>
        {showsVlsTsFields(form) && (
          <>
            <Element>
              <DateField
                path="enteredFranceOn"
                label={t('fields.enteredFranceOn.label')}
                hint={t('fields.enteredFranceOn.hint')}
                value={form.enteredFranceOn}
                onChange={(enteredFranceOn) => set({ enteredFranceOn })}
                errors={errors}
                required
              />
            </Element>
            <Element>
              <DateField
                path="vlsTsValidatedOn"
                label={t('fields.vlsTsValidatedOn.label')}
                hint={t('fields.vlsTsValidatedOn.hint')}
                value={form.vlsTsValidatedOn}
                onChange={(vlsTsValidatedOn) => set({ vlsTsValidatedOn })}
                errors={errors}
              />
            </Element>
          </>
        )}
      </fieldset>

      <fieldset className="fr-fieldset" aria-labelledby="calculator-application-legend">
        <legend id="calculator-application-legend" className="fr-fieldset__legend">
          {t('form.applicationLegend')}
        </legend>
        <Element>
          <Checkbox
            id="calculator-applied"
            options={[
              {
                label: t('fields.applied.label'),
                hintText: t('fields.applied.hint'),
                nativeInputProps: { name: 'applied', checked: form.applied, onChange: (event) => set({ applied: event.target.checked }) },
              },
            ]}
          />
        </Element>
        {form.applied && (
          <>
            <Element>
              <DateField
                path="application.filedOn"
                label={t('fields.filedOn.label')}
                hint={t('fields.filedOn.hint')}
                value={form.filedOn}
                onChange={(filedOn) => set({ filedOn })}
                errors={errors}
                required
              />
            </Element>
            <Element>
              <DateField
                path="application.completeOn"
                label={t('fields.completeOn.label')}
                hint={t('fields.completeOn.hint')}
                value={form.completeOn}
                onChange={(completeOn) => set({ completeOn })}
                errors={errors}
              />
            </Element>
            <Element>
              <fieldset className="fr-fieldset sejour-calculator-group" aria-labelledby="calculator-requests-legend">
                <legend id="calculator-requests-legend" className="fr-fieldset__legend fr-text--regular">
                  {t('fields.documentRequests.legend')}
                  <span className="fr-hint-text">{t('fields.documentRequests.hint')}</span>
                </legend>
                {form.documentRequests.map((row, index) => {
                  const number = index + 1;
                  const legendId = `calculator-request-${row.key}-legend`;
                  return (
                    <Element key={row.key}>
                      <fieldset className="fr-fieldset sejour-calculator-request" aria-labelledby={legendId}>
                        <legend id={legendId} className="fr-fieldset__legend fr-text--bold">
                          {t('fields.documentRequests.row', { number })}
                        </legend>
                        {(['requestedOn', 'dueOn', 'answeredOn'] as const).map((field) => (
                          <Element key={field}>
                            <DateField
                              path={documentRequestPath(index, field)}
                              label={t(`fields.documentRequests.${field}`)}
                              value={row[field]}
                              onChange={(value) => onChange((current) => updateDocumentRequest(current, row.key, { [field]: value }))}
                              errors={errors}
                              required={field !== 'answeredOn'}
                            />
                          </Element>
                        ))}
                        <Element>
                          <Button type="button" priority="tertiary" size="small" iconId="fr-icon-delete-line" onClick={() => removeRequest(row.key)}>
                            {t('fields.documentRequests.remove', { number })}
                          </Button>
                        </Element>
                      </fieldset>
                    </Element>
                  );
                })}
                <Element>
                  <Button id={ADD_REQUEST_BUTTON_ID} type="button" priority="secondary" size="small" iconId="fr-icon-add-line" onClick={addRequest}>
                    {t('fields.documentRequests.add')}
                  </Button>
                </Element>
              </fieldset>
            </Element>
            <Element>
              <RadioButtons
                id={DECISION_GROUP_ID}
                name="application.decision.kind"
                legend={t('fields.decision.legend')}
                hintText={t('fields.decision.hint')}
                {...errorState(errors, 'application.decision.kind')}
                options={DECISION_CHOICES.map((choice) => ({
                  label: choice === 'none' ? t('fields.decision.none') : t(`deadlines:decisionKinds.${choice}`),
                  nativeInputProps: { value: choice, checked: form.decision === choice, onChange: () => set({ decision: choice }) },
                }))}
              />
            </Element>
            {showsNotifiedOn(form) && (
              <Element>
                <DateField
                  path="application.decision.notifiedOn"
                  label={t('fields.notifiedOn.label')}
                  hint={t('fields.notifiedOn.hint')}
                  value={form.notifiedOn}
                  onChange={(notifiedOn) => set({ notifiedOn })}
                  errors={errors}
                  required
                />
              </Element>
            )}
            {showsReasonsFields(form) && (
              <Element>
                <fieldset className="fr-fieldset sejour-calculator-group" aria-labelledby="calculator-reasons-legend">
                  <legend id="calculator-reasons-legend" className="fr-fieldset__legend fr-text--regular">
                    {t('fields.reasons.legend')}
                    <span className="fr-hint-text">{t('fields.reasons.hint')}</span>
                  </legend>
                  <Element>
                    <DateField
                      path="application.reasonsRequestedOn"
                      label={t('fields.reasonsRequestedOn.label')}
                      value={form.reasonsRequestedOn}
                      onChange={(reasonsRequestedOn) => set({ reasonsRequestedOn })}
                      errors={errors}
                    />
                  </Element>
                  <Element>
                    <DateField
                      path="application.reasonsGivenOn"
                      label={t('fields.reasonsGivenOn.label')}
                      value={form.reasonsGivenOn}
                      onChange={(reasonsGivenOn) => set({ reasonsGivenOn })}
                      errors={errors}
                    />
                  </Element>
                </fieldset>
              </Element>
            )}
          </>
        )}
      </fieldset>

      <Accordion
        className="fr-mb-4w"
        titleAs="h3"
        label={t('form.advancedLabel')}
        expanded={props.advancedOpen}
        onExpandedChange={props.onAdvancedOpenChange}
      >
        <DateField
          path="today"
          label={t('fields.today.label')}
          hint={t('fields.today.hint')}
          value={form.today}
          onChange={(today) => set({ today })}
          errors={errors}
        />
      </Accordion>

      <ButtonsGroup
        inlineLayoutWhen="sm and up"
        buttons={[
          { children: props.pending ? t('form.pending') : t('form.submit'), type: 'submit', disabled: props.pending, iconId: 'fr-icon-calendar-line' },
          { children: t('form.reset'), type: 'button', priority: 'secondary', onClick: props.onReset },
        ]}
      />
    </form>
  );
}
