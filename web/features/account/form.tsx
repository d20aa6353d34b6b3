/**
 * What every account form shares: errors checked in the browser or returned by the server (a
 * problem's `errors[]`), shown beside each field and summed up in an alert at the top of the form
 * that takes the focus (RGAA 11.10, 11.11), and a `pending` flag against double submissions.
 *
 *   const form = useAccountForm(['email', 'password'] as const);
 *   <form onSubmit={form.submit(() => ({ email: email === '' ? t('…') : undefined }), async () => { … })} noValidate>
 *     <FormErrorSummary errors={form.errors} fields={{ email: { id, label }, … }} />
 *     <Input … {...form.fieldState('email')} />
 */
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem, type ApiProblem } from '../../api/client';
import { ErrorSummary } from '../../ui/error-summary';

export interface FormErrors<F extends string = string> {
  title: string;
  detail?: string;
  /** Message by field name (the API's dotted field path, e.g. `newPassword`). */
  fields: Partial<Record<F, string>>;
  /** Field errors the form has no field for (shown in the summary only). */
  others: string[];
}

export interface AccountForm<F extends string> {
  errors: FormErrors<F> | undefined;
  pending: boolean;
  setErrors: (errors: FormErrors<F> | undefined) => void;
  /** `state`/`stateRelatedMessage` of react-dsfr's Input for this field. */
  fieldState: (field: F) => { state?: 'error'; stateRelatedMessage?: string };
  /** The error message of this field, if any. */
  fieldError: (field: F) => string | undefined;
  /**
   * A submit handler: runs `validate` (messages by field; none → valid), then `action`. A problem
   * thrown by `action` becomes the form's errors; `onProblem` may handle it first (return true).
   */
  submit: (
    validate: () => Partial<Record<F, string>>,
    action: () => Promise<void>,
    onProblem?: (problem: ApiProblem) => boolean,
  ) => (event: FormEvent<HTMLFormElement>) => void;
}

/** A problem from the server, as form errors: its fields beside the fields, the rest in the summary. */
export function problemToFormErrors<F extends string>(problem: ApiProblem, knownFields: readonly F[]): FormErrors<F> {
  const fields: Partial<Record<F, string>> = {};
  const others: string[] = [];
  for (const error of problem.errors) {
    if ((knownFields as readonly string[]).includes(error.field)) fields[error.field as F] ??= error.message;
    else others.push(error.message);
  }
  const detail = problem.detail !== '' && problem.detail !== problem.title ? problem.detail : undefined;
  return { title: problem.title, ...(detail === undefined ? {} : { detail }), fields, others };
}

export function useAccountForm<F extends string>(knownFields: readonly F[]): AccountForm<F> {
  const { t } = useTranslation('account');
  const [errors, setErrors] = useState<FormErrors<F>>();
  const [pending, setPending] = useState(false);
  const busy = useRef(false);

  const fieldError = (field: F) => errors?.fields[field];
  const fieldState = (field: F) => {
    const message = errors?.fields[field];
    return message === undefined ? {} : { state: 'error' as const, stateRelatedMessage: message };
  };

  const submit: AccountForm<F>['submit'] = (validate, action, onProblem) => (event) => {
    event.preventDefault();
    if (busy.current) return;
    const invalid = validate();
    if (Object.values(invalid).some((message) => message !== undefined)) {
      setErrors({ title: t('form.errorSummaryTitle'), fields: invalid, others: [] });
      return;
    }
    busy.current = true;
    setPending(true);
    setErrors(undefined);
    action()
      .catch((error: unknown) => {
        if (!isApiProblem(error)) throw error;
        if (onProblem?.(error) === true) return;
        setErrors(problemToFormErrors(error, knownFields));
      })
      .finally(() => {
        busy.current = false;
        setPending(false);
      });
  };

  return { errors, pending, setErrors, fieldState, fieldError, submit };
}

export interface SummaryField {
  id: string;
  label: string;
}

/** The shared error summary (web/ui/error-summary.tsx) for an account form's errors. */
export function FormErrorSummary<F extends string>({
  errors,
  fields,
}: {
  errors: FormErrors<F> | undefined;
  /** The form's fields, for the links; a field error without an entry here is listed without a link. */
  fields: Partial<Record<F, SummaryField>>;
}) {
  const { t } = useTranslation('account');
  if (errors === undefined) return null;
  const items = (Object.keys(errors.fields) as F[]).flatMap((field) => {
    const message = errors.fields[field];
    if (message === undefined) return [];
    const target = fields[field];
    return [{ key: field, message, ...(target === undefined ? {} : { target: { id: target.id, text: t('form.fieldError', { label: target.label, message }) } }) }];
  });
  return <ErrorSummary title={errors.title} detail={errors.detail} items={items} others={errors.others} focusKey={errors} />;
}

/** Minimal check before asking the server, which checks again (`format: email`). */
export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}

/** A notice that takes the focus when it appears (after a form succeeded and was replaced). */
export function FocusedNotice({ children }: { children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.focus();
  }, []);
  return (
    <div ref={box} tabIndex={-1} className="fr-mb-4w">
      {children}
    </div>
  );
}
