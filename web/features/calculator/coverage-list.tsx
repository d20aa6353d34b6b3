import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { useTranslation } from 'react-i18next';
import type { PermitKind } from '../../../domain/deadlines/types';
import { documentTitleKey, uncoveredReasonKey } from './labels';
import { coverageRows, type CoveragePeriodView } from './timeline';
import type { Formatters } from './use-format';

/**
 * The coverage periods, in order: the dates, whether the stay is covered, by which document, and
 * why not when it is not. The period containing today is marked.
 */
export function CoverageList(props: { periods: readonly CoveragePeriodView[]; today: string; permitKind: PermitKind; format: Formatters }) {
  const { t } = useTranslation(['calculator', 'deadlines']);
  const { format } = props;
  const rows = coverageRows(props.periods, props.today);
  return (
    <ol className="sejour-coverage">
      {rows.map(({ period, covered, current, relation }) => {
        const reasonKey = covered ? undefined : uncoveredReasonKey(period.ruleId);
        const classes = [
          'sejour-coverage__period',
          covered ? 'sejour-coverage__period--covered' : 'sejour-coverage__period--uncovered',
          `sejour-coverage__period--${relation}`,
        ].join(' ');
        return (
          <li key={period.from} className={classes}>
            <p className="fr-text--bold fr-mb-1w">
              {period.until === undefined
                ? t('result.coverage.openPeriod', { from: format.shortDate(period.from) })
                : t('result.coverage.period', { from: format.shortDate(period.from), until: format.shortDate(period.until) })}
            </p>
            <ul className="fr-badges-group fr-mb-1w">
              <li>
                <Badge as="span" small severity={covered ? 'success' : 'error'}>
                  {covered ? t('result.coverage.covered') : t('result.coverage.notCovered')}
                </Badge>
              </li>
              {current && (
                <li>
                  <Badge as="span" small severity="info" noIcon>
                    {t('result.coverage.current')}
                  </Badge>
                </li>
              )}
            </ul>
            <p className="fr-mb-1w">{t(documentTitleKey(period.document, props.permitKind))}</p>
            {reasonKey !== undefined && <p className="fr-text--sm fr-mb-1w">{t(reasonKey)}</p>}
            <p className="fr-text--sm fr-mb-0 sejour-calculator-rule">
              {t('result.ruleWithoutCitation', { label: t(`deadlines:rules.${period.ruleId}`), id: period.ruleId })}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
