/**
 * The applicant's estimate of when their application will be decided (issue 9), on the
 * application page: their place in the prefecture's backlog for their card type and the
 * prefecture's recent decision rate, with the interval, the date it was computed and — when the
 * interval reaches it — what the tacit-refusal date means. Data: GET
 * /api/v1/applications/:id/decision-estimate (owner only, recomputed daily).
 */
import { useTranslation } from 'react-i18next';
import type { DecisionEstimateBody } from '../../../contract/statistics';
import { usePersonScope } from '../journey/person-scope';
import { useApi } from '../../api/use-api';
import { useFormat } from '../calculator/use-format';

export function DecisionEstimateSection({ applicationId }: { applicationId: string }) {
  const { t, i18n } = useTranslation('statistics');
  const format = useFormat();
  const scope = usePersonScope();
  const { data } = useApi<DecisionEstimateBody>(scope.api(`/applications/${encodeURIComponent(applicationId)}/decision-estimate`));
  if (!data) return null;
  const { estimate, computedOn } = data;
  const rate = (value: number) => new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 }).format(value);
  return (
    <section aria-labelledby="application-estimate" className="fr-mb-4w" data-testid="decision-estimate">
      <h2 id="application-estimate">{t('estimate.title')}</h2>
      {estimate === null || computedOn === null ? (
        <p>{t('estimate.notYet')}</p>
      ) : estimate.kind === 'not_enough_data' ? (
        <p>{t('estimate.notEnoughData', { count: estimate.decided90 })}</p>
      ) : (
        <>
          <p>
            {t('estimate.likely', { date: format.longDate(estimate.likelyOn) })}{' '}
            {estimate.latestOn === null
              ? t('estimate.intervalOpen', { earliest: format.longDate(estimate.earliestOn) })
              : t('estimate.interval', { earliest: format.longDate(estimate.earliestOn), latest: format.longDate(estimate.latestOn) })}
          </p>
          <p className="fr-text--sm">
            {t('estimate.basis', { position: estimate.position, rate90: rate(estimate.rate90), rate30: rate(estimate.rate30), date: format.longDate(computedOn) })}
          </p>
        </>
      )}
      {estimate !== null && (estimate.kind === 'not_enough_data' || estimate.beyondTacitRefusal) && (
        <p className="fr-text--sm">{t('estimate.tacitRefusal', { date: format.longDate(estimate.tacitRefusalOn) })}</p>
      )}
      <p className="fr-text--xs">{t('estimate.caveat')}</p>
    </section>
  );
}
