import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { useTranslation } from 'react-i18next';
import type { DeadlineResponse } from '../../../contract/deadlines';
import { useLanguage } from '../../i18n';
import type { Formatters } from './use-format';

/**
 * The fees of the application as priced on the filing day (or today when nothing is filed): each
 * with its amount, whether the amount is confirmed, since when it applies, and its rule; then the
 * total.
 */
export function FeeList({ result, format }: { result: DeadlineResponse; format: Formatters }) {
  const { t } = useTranslation(['calculator', 'deadlines']);
  const language = useLanguage();
  const { fees, filing } = result;
  return (
    <>
      <p className="fr-text--sm">
        {filing.status === 'not_filed'
          ? t('result.fees.pricedToday', { date: format.longDate(filing.assessedOn) })
          : t('result.fees.pricedOnFiling', { date: format.longDate(filing.assessedOn) })}
      </p>
      {fees.length === 0 ? (
        <p>{t('result.fees.none')}</p>
      ) : (
        <ul className="sejour-plain-list sejour-fees">
          {fees.map((fee) => (
            <li key={fee.id} className="sejour-fees__item">
              <p className="sejour-fees__line fr-mb-1w">
                <span className="fr-text--bold">{fee.label[language]}</span>
                <span className="fr-text--bold sejour-fees__amount">{format.euros(fee.amountEur)}</span>
              </p>
              <ul className="fr-badges-group fr-mb-1w">
                <li>
                  <Badge as="span" small severity={fee.confirmed ? 'success' : 'warning'}>
                    {fee.confirmed ? t('result.fees.confirmed') : t('result.fees.unconfirmed')}
                  </Badge>
                </li>
                {fee.confidence !== 'high' && (
                  <li>
                    <Badge as="span" small noIcon>
                      {t(`deadlines:confidence.${fee.confidence}`)}
                    </Badge>
                  </li>
                )}
              </ul>
              <p className="fr-text--sm fr-mb-1w">{t('result.fees.effectiveFrom', { date: format.longDate(fee.effectiveFrom) })}</p>
              <p className="fr-text--sm fr-mb-0 sejour-calculator-rule">
                {t('result.rule', { label: t(`deadlines:rules.${fee.ruleId}`), id: fee.ruleId, citation: fee.citation })}
              </p>
            </li>
          ))}
          <li className="sejour-fees__total">
            <p className="sejour-fees__line fr-mb-0">
              <span className="fr-text--bold">{t('result.fees.total')}</span>
              <span className="fr-text--bold sejour-fees__amount">{format.euros(result.feesTotalEur)}</span>
            </p>
          </li>
        </ul>
      )}
    </>
  );
}
