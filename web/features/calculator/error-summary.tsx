import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { useEffect, useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
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

function focusField(event: MouseEvent<HTMLAnchorElement>, id: string): void {
  const target = document.getElementById(id);
  if (target === null) return;
  event.preventDefault();
  target.focus();
  target.scrollIntoView({ block: 'center' });
}

/**
 * The alert at the top of the form when it cannot be computed: the problem, then one link per
 * invalid field (in the order of the form) that moves the focus to it. Takes the focus each time
 * new errors arrive (RGAA 11.10, 11.11).
 */
export function ErrorSummary({ errors, form }: { errors: CalculatorErrors; form: CalculatorFormState }) {
  const { t } = useTranslation('calculator');
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    box.current?.focus();
  }, [errors]);

  const label = (path: string): string | undefined => {
    const found = fieldLabel(path);
    if (found === undefined) return undefined;
    if (found.row === undefined) return t(found.key);
    return t(found.key, { number: found.row.number, field: t(found.row.fieldKey) });
  };

  const fields = inFormOrder(Object.keys(errors.byField), form);

  return (
    <div ref={box} tabIndex={-1} className="fr-mb-4w sejour-calculator-summary">
      <Alert
        severity="error"
        as="h3"
        role={undefined}
        title={errors.title}
        description={
          <>
            {errors.detail !== undefined && <p>{errors.detail}</p>}
            {(fields.length > 0 || errors.others.length > 0) && (
              <ul>
                {fields.map((path) => {
                  const message = errors.byField[path] ?? '';
                  const text = label(path);
                  const id = fieldId(path);
                  return (
                    <li key={path}>
                      {text === undefined ? (
                        message
                      ) : (
                        <a href={`#${id}`} onClick={(event) => focusField(event, id)}>
                          {t('errors.fieldError', { label: text, message })}
                        </a>
                      )}
                    </li>
                  );
                })}
                {errors.others.map((message) => (
                  <li key={message}>{message}</li>
                ))}
              </ul>
            )}
          </>
        }
      />
    </div>
  );
}
