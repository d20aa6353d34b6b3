/**
 * "Calculer mes dates": a person enters their permit and, if filed, their application; the page
 * shows the dates of the deadline engine on a timeline, who covers their stay when, and for each
 * date the rule and article in plain words. Public, no account, keeps nothing: the form lives in
 * React state and the only request carrying it is `POST /api/v1/deadlines`.
 *
 * Structure: the form (calculator-form.tsx) and the result (calculator-result.tsx) side by side
 * on a wide screen, one after the other on a phone. Pure helpers: form-state.ts, request.ts (body
 * and field paths), timeline.ts (grouping), labels.ts, format.ts.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useDocumentTitle } from '../../ui/use-document-title';
import { requestDeadlines } from './calculator-api';
import { CalculatorForm, type DepartmentList } from './calculator-form';
import { CalculatorResult, EmptyResult, type CalculatorOutcome } from './calculator-result';
import type { CalculatorErrors } from './error-summary';
import { EMPTY_FORM, type CalculatorFormState } from './form-state';
import { buildDeadlineRequest, sortFieldErrors } from './request';
import './calculator.css';

export function CalculatorPage() {
  const { t } = useTranslation(['calculator', 'deadlines']);
  useDocumentTitle(t('documentTitle'));

  const [form, setForm] = useState<CalculatorFormState>(EMPTY_FORM);
  const [errors, setErrors] = useState<CalculatorErrors>();
  const [outcome, setOutcome] = useState<CalculatorOutcome>();
  const [pending, setPending] = useState(false);
  const [advancedOpen, setAdvancedOpen] = useState(false);
  const [bug, setBug] = useState<{ error: unknown }>();
  const inFlight = useRef<AbortController>(undefined);
  const departments = useApi<DepartmentList>('/departements');

  useEffect(() => () => inFlight.current?.abort(), []);

  // A programming error (not a problem from the server) goes to the route's error page.
  if (bug !== undefined) throw bug.error;

  const showErrors = (next: CalculatorErrors) => {
    if (next.byField.today !== undefined) setAdvancedOpen(true);
    setErrors(next);
  };

  const submit = () => {
    const built = buildDeadlineRequest(form);
    if (!built.ok) {
      const required = t('deadlines:validation.required');
      const byField = Object.fromEntries(Object.keys(built.missing).map((path) => [path, required]));
      showErrors({ title: t('errors.missingTitle'), detail: t('errors.missingDetail'), byField, others: [] });
      return;
    }
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    const submitted = form;
    const permitKind = built.request.permit.kind;
    setPending(true);
    requestDeadlines(built.request, controller.signal)
      .then(
        (result) => {
          setErrors(undefined);
          setOutcome({ result, permitKind });
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          if (!isApiProblem(error)) {
            setBug({ error });
            return;
          }
          const { byField, others } = sortFieldErrors(error.errors, submitted);
          const detail = error.detail !== '' && error.detail !== error.title ? error.detail : undefined;
          setOutcome(undefined);
          showErrors({ title: error.title, ...(detail === undefined ? {} : { detail }), byField, others });
        },
      )
      .finally(() => {
        if (inFlight.current === controller) {
          inFlight.current = undefined;
          setPending(false);
        }
      });
  };

  const reset = () => {
    inFlight.current?.abort();
    inFlight.current = undefined;
    setPending(false);
    setForm(EMPTY_FORM);
    setErrors(undefined);
    setOutcome(undefined);
    setAdvancedOpen(false);
  };

  return (
    <div className="fr-container fr-py-6w">
      <h1>{t('title')}</h1>
      <p className="fr-text--lead fr-mb-2w">{t('lead')}</p>
      <p className="fr-text--sm fr-icon-lock-line fr-icon--sm fr-mb-4w sejour-calculator-icon-text">{t('privacy')}</p>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-lg-5">
          <CalculatorForm
            form={form}
            onChange={setForm}
            departments={{ data: departments.data, failed: departments.problem !== undefined, reload: departments.reload }}
            errors={errors}
            pending={pending}
            advancedOpen={advancedOpen}
            onAdvancedOpenChange={setAdvancedOpen}
            onSubmit={submit}
            onReset={reset}
          />
        </div>
        <div className="fr-col-12 fr-col-lg-7">{outcome === undefined ? <EmptyResult /> : <CalculatorResult outcome={outcome} />}</div>
      </div>
    </div>
  );
}
