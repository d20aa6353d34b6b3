/**
 * `/statistiques`: each préfecture's figures (issue 9), read from the daily computation. A map
 * coloured by the chosen measure and, as its accessible alternative, a sortable table with the
 * same figures. "Not enough data" for cells under 10 applications (suppressed by the server).
 */
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { STATISTICS_MEASURES, type StatisticsMapBody, type StatisticsMeasure, type StatisticsTrendBody } from '../../../contract/statistics';
import { API_BASE } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useDocumentTitle } from '../../ui/use-document-title';
import { DepartementsMap } from '../directory/departements-map';
import '../directory/directory.css';
import './statistics.css';
import { TrendChart } from './trend-chart';

const WINDOWS = ['30', '90', '365'] as const;
type SortKey = 'name' | 'value';

export function StatisticsPage() {
  const { t, i18n } = useTranslation('statistics');
  useDocumentTitle(t('title'));
  const [measure, setMeasure] = useState<StatisticsMeasure>('prolongation_median_days');
  const [windowDays, setWindowDays] = useState<(typeof WINDOWS)[number]>('90');
  const [sort, setSort] = useState<{ key: SortKey; ascending: boolean }>({ key: 'name', ascending: true });
  const { data } = useApi<StatisticsMapBody>('/statistics', { query: { measure, window: windowDays } });
  const [searchParams] = useSearchParams();
  const [trendScope, setTrendScope] = useState(() => searchParams.get('scope') ?? 'FR');
  const { data: trend } = useApi<StatisticsTrendBody>(`/statistics/${trendScope}`, { query: { window: windowDays } });

  const format = (value: number | null | undefined) =>
    value === null || value === undefined
      ? t('notEnoughData')
      : measure === 'gap_share'
        ? new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 }).format(value)
        : new Intl.NumberFormat(i18n.language).format(value);

  const items = data?.items ?? [];
  const national = items.find((i) => i.scope === 'FR');
  const departements = items.filter((i) => i.scope !== 'FR');

  const levels = useMemo(() => {
    const values = departements.map((d) => d.value).filter((v): v is number => v !== null).sort((a, b) => a - b);
    const cut = (q: number) => values[Math.min(values.length - 1, Math.floor(q * values.length))] ?? 0;
    const bounds = [cut(0.2), cut(0.4), cut(0.6), cut(0.8)];
    return new Map(departements.map((d) => [d.scope, d.value === null ? -1 : bounds.filter((b) => (d.value as number) > b).length]));
  }, [departements]);

  const sorted = useMemo(() => {
    const rows = [...departements];
    rows.sort((a, b) => {
      if (sort.key === 'name') return a.name.localeCompare(b.name, i18n.language);
      if (a.value === null) return b.value === null ? 0 : 1;
      if (b.value === null) return -1;
      return a.value - b.value;
    });
    return sort.ascending ? rows : rows.reverse();
  }, [departements, sort, i18n.language]);

  const sortButton = (key: SortKey, label: string) => (
    <button type="button" className="sejour-stat-sort" onClick={() => setSort((s) => ({ key, ascending: s.key === key ? !s.ascending : true }))}>
      {label}
    </button>
  );
  const ariaSort = (key: SortKey) => (sort.key === key ? (sort.ascending ? 'ascending' : 'descending') : 'none');

  return (
    <div className="fr-container fr-my-6w">
      <h1>{t('title')}</h1>
      <p className="fr-text--lead">{t('intro')}</p>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6">
          <Select
            label={t('measure.label')}
            nativeSelectProps={{ value: measure, onChange: (e) => setMeasure(e.target.value as StatisticsMeasure) }}
          >
            {STATISTICS_MEASURES.map((m) => (
              <option key={m} value={m}>
                {t(`measures.${m}`)}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Select
            label={t('window.label')}
            nativeSelectProps={{ value: windowDays, onChange: (e) => setWindowDays(e.target.value as (typeof WINDOWS)[number]) }}
          >
            {WINDOWS.map((w) => (
              <option key={w} value={w}>
                {t('window.days', { count: Number(w) })}
              </option>
            ))}
          </Select>
        </div>
      </div>
      <p>
        {data?.computedOn ? t('computedOn', { date: data.computedOn }) : t('nothingYet')}{' '}
        {t('national', { value: format(national?.value) })}
      </p>
      <DepartementsMap
        levelOf={(code) => levels.get(code)}
        hrefOf={(code) => `/prefectures/${code}`}
        labelOf={(code) => format(items.find((i) => i.scope === code)?.value)}
      />
      <div className="fr-table fr-mt-4w">
        <table>
          <caption>{t('table.caption', { measure: t(`measures.${measure}`) })}</caption>
          <thead>
            <tr>
              <th scope="col" aria-sort={ariaSort('name')}>
                {sortButton('name', t('table.departement'))}
              </th>
              <th scope="col" aria-sort={ariaSort('value')}>
                {sortButton('value', t(`measures.${measure}`))}
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((d) => (
              <tr key={d.scope}>
                <td>
                  <Link to={`/prefectures/${d.scope}`}>{`${d.name} (${d.scope})`}</Link>
                </td>
                <td>{format(d.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('trend.title')}</h2>
      <Select label={t('trend.label')} nativeSelectProps={{ value: trendScope, onChange: (e) => setTrendScope(e.target.value) }}>
        {items.map((d) => (
          <option key={d.scope} value={d.scope}>
            {d.scope === 'FR' ? d.name : `${d.name} (${d.scope})`}
          </option>
        ))}
      </Select>
      <TrendChart
        points={(trend?.points ?? []).map((p) => ({ computedOn: p.computedOn, value: p.figures[measure] }))}
        label={t('chart.label', { measure: t(`measures.${measure}`), name: items.find((i) => i.scope === trendScope)?.name ?? trendScope })}
        percent={measure === 'gap_share'}
      />
      <div className="fr-table">
        <table>
          <caption>{t('trend.caption', { measure: t(`measures.${measure}`), name: items.find((i) => i.scope === trendScope)?.name ?? trendScope })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('trend.date')}</th>
              <th scope="col">{t(`measures.${measure}`)}</th>
            </tr>
          </thead>
          <tbody>
            {(trend?.points ?? []).map((p) => (
              <tr key={p.computedOn}>
                <td>{p.computedOn}</td>
                <td>{format(p.figures[measure])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('openData.title')}</h2>
      <p>{t('openData.text')}</p>
      <ul>
        <li>
          <a href={`${API_BASE}/statistics.csv`} download>
            {t('openData.csv')}
          </a>
        </li>
        <li>
          <a href={`${API_BASE}/statistics.json`}>{t('openData.json')}</a>
        </li>
      </ul>
    </div>
  );
}
