import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';
import { dateInputFormat, dateParts, formatEuros, type CalendarNames, type DateField } from './format';

export interface Formatters {
  /** "mercredi 2 septembre 2026" / "Wednesday 2 September 2026" (the engine's own format). */
  longDate: (iso: string) => string;
  /** "2 septembre 2026" / "2 September 2026". */
  shortDate: (iso: string) => string;
  euros: (amount: number) => string;
  /** The hint of a date input: "Format: DD/MM/YYYY." in the order the browser's inputs use. */
  dateHint: string;
}

/** Dates and amounts in the current UI language, re-rendered when it changes. */
export function useFormat(): Formatters {
  const { t } = useTranslation(['calculator', 'deadlines']);
  const language = useLanguage();
  return useMemo(() => {
    const names = t('deadlines:calendar', { returnObjects: true }) as unknown as CalendarNames;
    const fill = (key: string, iso: string) => {
      const parts = dateParts(iso, names);
      return parts === undefined ? iso : t(key, { ...parts });
    };
    return {
      longDate: (iso) => fill('deadlines:calendar.longDate', iso),
      shortDate: (iso) => fill('calculator:dateFormat.short', iso),
      euros: (amount) => formatEuros(amount, language),
      dateHint: t('calculator:form.dateHint', {
        format: dateInputFormat(undefined, t('calculator:form.dateLetters', { returnObjects: true }) as unknown as Record<DateField, string>),
      }),
    };
  }, [t, language]);
}
