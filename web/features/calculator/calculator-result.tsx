import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { CallOut } from '@codegouvfr/react-dsfr/CallOut';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeadlineResponse } from '../../../contract/deadlines';
import type { PermitKind } from '../../../domain/deadlines/types';
import { useLanguage } from '../../i18n';
import { CoverageList } from './coverage-list';
import { DateTimeline } from './date-timeline';
import { FeeList } from './fee-list';
import { documentInSentenceKey, sortWarnings, uncoveredReasonKey, warningSeverity } from './labels';
import { useFormat, type Formatters } from './use-format';

export const RESULT_TITLE_ID = 'calculator-result-title';

export interface CalculatorOutcome {
  readonly result: DeadlineResponse;
  /** The permit kind the result was computed for ("your card" or "your VLS-TS"). */
  readonly permitKind: PermitKind;
}

/** "Today you are covered by … until …" or "Today you are NOT covered", first thing in the result. */
function TodaySummary({ result, permitKind, format }: { result: DeadlineResponse; permitKind: PermitKind; format: Formatters }) {
  const { t } = useTranslation('calculator');
  const { today } = result;
  const date = format.longDate(today.on);
  if (today.covered && today.document !== 'none') {
    const document = t(documentInSentenceKey(today.document, permitKind));
    const title =
      today.until === undefined
        ? t('result.today.coveredOpen', { date, document })
        : t('result.today.coveredUntil', { date, document, until: format.longDate(today.until) });
    return <Alert severity="success" as="h3" role={undefined} title={title} className="fr-mb-3w" />;
  }
  const reasonKey = uncoveredReasonKey(today.ruleId);
  return (
    <Alert
      severity="error"
      as="h3"
      role={undefined}
      className="fr-mb-3w"
      title={t('result.today.notCovered', { date })}
      description={
        <>
          <p>
            {t('result.today.notCoveredText')} {reasonKey === undefined ? null : t(reasonKey)}
          </p>
          <p>{t('result.today.advice')}</p>
        </>
      }
    />
  );
}

/**
 * The result of a calculation, in the order a person needs it: am I covered today, what needs
 * attention, my dates on a timeline, who covers me when, what it costs. Its heading takes the
 * focus when a new result arrives.
 */
export function CalculatorResult({ outcome }: { outcome: CalculatorOutcome }) {
  const { t } = useTranslation(['calculator', 'deadlines']);
  const language = useLanguage();
  const format = useFormat();
  const heading = useRef<HTMLHeadingElement>(null);
  const { result, permitKind } = outcome;

  useEffect(() => {
    heading.current?.focus();
  }, [outcome]);

  const warnings = sortWarnings(result.warnings);

  return (
    <section aria-labelledby={RESULT_TITLE_ID} className="sejour-calculator-result">
      <h2 id={RESULT_TITLE_ID} ref={heading} tabIndex={-1}>
        {t('result.title')}
      </h2>
      <p className="fr-text--sm fr-mb-2w">
        {t('result.asOf', { date: format.longDate(result.today.on) })}{' '}
        {t('result.filing', { status: t(`deadlines:filingStatuses.${result.filing.status}`) })}
      </p>

      <TodaySummary result={result} permitKind={permitKind} format={format} />

      {warnings.length > 0 && (
        <section aria-labelledby="calculator-warnings-title" className="fr-mb-4w">
          <h3 id="calculator-warnings-title" className="fr-h5">
            {t('result.warnings.title')}
          </h3>
          {warnings.map((warning) => (
            <Alert
              key={warning.code}
              small
              role={undefined}
              severity={warningSeverity(warning.code)}
              description={warning.message[language]}
              className="fr-mb-2w"
            />
          ))}
        </section>
      )}

      <section aria-labelledby="calculator-timeline-title" className="fr-mb-4w">
        <h3 id="calculator-timeline-title" className="fr-h5 fr-mb-1w">
          {t('result.timeline.title')}
        </h3>
        <p className="fr-text--sm">{t('result.timeline.intro')}</p>
        <DateTimeline dates={result.dates} today={result.today.on} format={format} />
      </section>

      <section aria-labelledby="calculator-coverage-title" className="fr-mb-4w">
        <h3 id="calculator-coverage-title" className="fr-h5 fr-mb-1w">
          {t('result.coverage.title')}
        </h3>
        <p className="fr-text--sm fr-mb-1w">{t('result.coverage.intro')}</p>
        <p className="fr-text--sm">{t('result.coverage.assumption')}</p>
        <CoverageList periods={result.coverage} today={result.today.on} permitKind={permitKind} format={format} />
      </section>

      <section aria-labelledby="calculator-fees-title" className="fr-mb-4w">
        <h3 id="calculator-fees-title" className="fr-h5 fr-mb-1w">
          {t('result.fees.title')}
        </h3>
        <FeeList result={result} format={format} />
      </section>

      <CallOut title={t('result.disclaimer.title')} titleAs="h3" iconId="fr-icon-info-line">
        {t('result.disclaimer.text')}
      </CallOut>
    </section>
  );
}

/** What the result column shows before the first calculation. */
export function EmptyResult() {
  const { t } = useTranslation('calculator');
  return (
    <div className="sejour-calculator-empty">
      <p className="fr-text--bold fr-mb-1w">{t('result.empty.title')}</p>
      <p className="fr-mb-0">{t('result.empty.text')}</p>
    </div>
  );
}
