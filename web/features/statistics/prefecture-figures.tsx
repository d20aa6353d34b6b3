/**
 * A prefecture's own figures (issue 9) on its directory page: the latest day's figures over 90
 * days, every measure of STATISTICS_MEASURES ("not enough data" under 10 applications), and a
 * link to its trend on /statistiques.
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { STATISTICS_MEASURES, type StatisticsTrendBody } from '../../../contract/statistics';
import { useApi } from '../../api/use-api';
import { useFormat } from '../calculator/use-format';
import { formatMeasure } from './format-measure';
import './statistics.css';

export function PrefectureFigures({ departement }: { departement: string }) {
  const { t, i18n } = useTranslation('statistics');
  const format = useFormat();
  const { data } = useApi<StatisticsTrendBody>(`/statistics/${encodeURIComponent(departement)}`, { query: { window: '90' } });
  const latest = data?.points.at(-1);
  return (
    <section aria-labelledby="prefecture-statistics" className="fr-mb-6w" data-testid="prefecture-figures">
      <h2 id="prefecture-statistics">{t('prefecture.title')}</h2>
      {latest === undefined ? (
        <p>{t('prefecture.none')}</p>
      ) : (
        <>
          <p>{t('prefecture.computedOn', { date: format.longDate(latest.computedOn) })}</p>
          <dl className="sejour-stat-figures">
            {STATISTICS_MEASURES.map((measure) => (
              <div key={measure}>
                <dt>{t(`measures.${measure}`)}</dt>
                <dd>{formatMeasure(measure, latest.figures[measure], i18n.language, t('notEnoughData'))}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      <p>
        <Link to={`/statistiques?scope=${encodeURIComponent(departement)}`}>{t('prefecture.all')}</Link>
      </p>
    </section>
  );
}
