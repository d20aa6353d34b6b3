import { useTranslation } from 'react-i18next';
import { ErrorSummary as SharedErrorSummary } from '../../ui/error-summary';
import { fieldId, fieldLabel, inFormOrder } from './request';
import type { CalculatorFormState } from './form-state';

export interface CalculatorErrors {
  readonly title: string;
  readonly detail?: string;
  /** Message by field path (`permit.validUntil`), shown beside the field and listed here. */
  readonly byField: Readonly<Record<string, string>>;
  /** Messages with no field on the form (listed here only). */
  readonly others: readonly string[];
}

/**
 * The alert at the top of the form when it cannot be computed (the shared web/ui/error-summary.tsx):
 * the problem, then one link per invalid field, in the order of the form.
 */
export function ErrorSummary({ errors, form }: { errors: CalculatorErrors; form: CalculatorFormState }) {
  const { t } = useTranslation('calculator');

  const label = (path: string): string | undefined => {
    const found = fieldLabel(path);
    if (found === undefined) return undefined;
    if (found.row === undefined) return t(found.key);
    return t(found.key, { number: found.row.number, field: t(found.row.fieldKey) });
  };

  const items = inFormOrder(Object.keys(errors.byField), form).map((path) => {
    const message = errors.byField[path] ?? '';
    const text = label(path);
    return { key: path, message, ...(text === undefined ? {} : { target: { id: fieldId(path), text: t('errors.fieldError', { label: text, message }) } }) };
  });

  return (
    <SharedErrorSummary
      title={errors.title}
      detail={errors.detail}
      items={items}
      others={errors.others}
      headingAs="h3"
      className="sejour-calculator-summary"
      focusKey={errors}
    />
  );
}
