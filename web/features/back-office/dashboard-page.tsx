/**
 * The supervisor's dashboard (/agent/tableau-de-bord; GET /api/v1/staff/dashboard): the backlog
 * of one of their préfectures as an SVG bar chart drawn here (no chart library) with the same
 * figures in a table for screen readers and keyboard users, the processing times, the flagged
 * cases, the held-back attestations de prolongation with their reasons, and the flag notices.
 */
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Dashboard } from '../../../contract/back-office';
import { useApi } from '../../api/use-api';
import { useDocumentTitle } from '../../ui/use-document-title';
import { BACK_OFFICE_PATHS } from './paths';
import { HELP_DESK_PATHS } from '../help-desk/paths';
import { StaffGate } from './staff-gate';
import type { StaffPrefectures } from '../../../contract/back-office';


export function DashboardPage() {
  const { t } = useTranslation('back-office');
  useDocumentTitle(t('dashboard.title'));
  return <StaffGate title={t('dashboard.title')}>{(user) => (user.role === 'supervisor' ? <Board /> : <NotSupervisor />)}</StaffGate>;
}

function NotSupervisor() {
  const { t } = useTranslation('back-office');
  return (
    <div className="fr-container fr-py-6w">
      <h1>{t('dashboard.title')}</h1>
      <p>{t('dashboard.supervisorsOnly')}</p>
    </div>
  );
}

function Board() {
  const { t } = useTranslation('back-office');
  const mine = useApi<StaffPrefectures>('/staff/prefectures');
  const [chosen, setChosen] = useState<string>();
  const prefectureId = chosen ?? mine.data?.prefectures[0]?.id;
  return (
    <div className="fr-container fr-py-6w">
      <h1>{t('dashboard.title')}</h1>
      {mine.problem && <Alert severity="error" small description={mine.problem.detail} />}
      {mine.data && mine.data.prefectures.length > 1 && (
        <Select label={t('dashboard.prefecture')} nativeSelectProps={{ id: 'dashboard-prefecture', value: prefectureId ?? '', onChange: (e) => setChosen(e.target.value) }}>
          {mine.data.prefectures.map((p) => (
            <option key={p.id} value={p.id}>
              {p.departementCode} — {p.name}
            </option>
          ))}
        </Select>
      )}
      {prefectureId && <Figures prefectureId={prefectureId} />}
    </div>
  );
}

function Figures({ prefectureId }: { prefectureId: string }) {
  const { t } = useTranslation(['back-office', 'applications']);
  const { data, problem, loading } = useApi<Dashboard>('/staff/dashboard', { query: { prefectureId } });
  if (loading && !data) return <p role="status">{t('dashboard.loading')}</p>;
  if (problem || !data) return <Alert severity="error" small description={problem?.detail ?? ''} />;
  const { processing } = data;
  return (
    <>
      <section aria-labelledby="dashboard-backlog">
        <h2 id="dashboard-backlog">{t('dashboard.backlog')}</h2>
        <BacklogChart backlog={data.backlog} />
        <div className="fr-table">
          <table>
            <caption>{t('dashboard.backlogTable')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.status')}</th>
                <th scope="col">{t('dashboard.count')}</th>
              </tr>
            </thead>
            <tbody>
              {data.backlog.map((b) => (
                <tr key={b.status}>
                  <th scope="row">{t(`applications:statuses.${b.status}`)}</th>
                  <td>{b.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="dashboard-times">
        <h2 id="dashboard-times">{t('dashboard.times', { days: processing.windowDays })}</h2>
        {processing.decisions === 0 ? (
          <p>{t('dashboard.noDecision')}</p>
        ) : (
          <dl>
            <dt>{t('dashboard.decisions')}</dt>
            <dd>{processing.decisions}</dd>
            <dt>{t('dashboard.median')}</dt>
            <dd>{t('dashboard.days', { count: processing.medianDays ?? 0 })}</dd>
            <dt>{t('dashboard.p90')}</dt>
            <dd>{t('dashboard.days', { count: processing.p90Days ?? 0 })}</dd>
          </dl>
        )}
      </section>

      <section aria-labelledby="dashboard-flagged">
        <h2 id="dashboard-flagged">{t('dashboard.flagged', { count: data.flagged.length })}</h2>
        {data.flagged.length === 0 ? (
          <p>{t('dashboard.none')}</p>
        ) : (
          <ul>
            {data.flagged.map((f) => (
              <li key={`${f.applicationId}-${f.kind}`}>
                <Link to={BACK_OFFICE_PATHS.caseFile(f.applicationId)}>{f.reference}</Link> — {t(`flags.${f.kind}`)}
                {f.aboutOn ? ` (${f.aboutOn})` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="dashboard-blocked">
        <h2 id="dashboard-blocked">{t('dashboard.blocked', { count: data.blockedProlongations.length })}</h2>
        {data.blockedProlongations.length === 0 ? (
          <p>{t('dashboard.none')}</p>
        ) : (
          <ul>
            {data.blockedProlongations.map((b) => (
              <li key={b.applicationId}>
                <Link to={BACK_OFFICE_PATHS.caseFile(b.applicationId)}>{b.reference}</Link> — {b.blockedBy ?? '—'}, {new Date(b.blockedAt).toLocaleDateString()}
                <blockquote>{b.reason}</blockquote>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="dashboard-letters">
        <h2 id="dashboard-letters">{t('dashboard.letters', { count: data.postalMail.toPost })}</h2>
        {data.postalMail.oldestCreatedAt === null ? (
          <p>{t('dashboard.none')}</p>
        ) : (
          <p>
            {t('dashboard.lettersOldest', { date: new Date(data.postalMail.oldestCreatedAt).toLocaleDateString() })} <Link to={HELP_DESK_PATHS.postalMail}>{t('dashboard.lettersLink')}</Link>
          </p>
        )}
      </section>

      <section aria-labelledby="dashboard-notices">
        <h2 id="dashboard-notices">{t('dashboard.notices')}</h2>
        {data.notices.length === 0 ? (
          <p>{t('dashboard.none')}</p>
        ) : (
          <ul>
            {data.notices.map((n) => (
              <li key={n.id}>
                {new Date(n.createdAt).toLocaleDateString()} — {n.applicationId ? <Link to={BACK_OFFICE_PATHS.caseFile(n.applicationId)}>{n.title}</Link> : n.title}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

const BAR_HEIGHT = 28;
const GAP = 12;
const LABEL_WIDTH = 190;
const CHART_WIDTH = 560;

/** A horizontal bar per status; decorative for assistive technology, which reads the table below. */
function BacklogChart({ backlog }: { backlog: Dashboard['backlog'] }) {
  const { t } = useTranslation(['back-office', 'applications']);
  const max = Math.max(1, ...backlog.map((b) => b.count));
  const height = backlog.length * (BAR_HEIGHT + GAP);
  const room = CHART_WIDTH - LABEL_WIDTH - 60;
  return (
    <svg
      role="img"
      aria-labelledby="dashboard-chart-title"
      viewBox={`0 0 ${CHART_WIDTH} ${height}`}
      width="100%"
      style={{ maxWidth: CHART_WIDTH }}
      className="fr-mb-2w"
    >
      <title id="dashboard-chart-title">{t('dashboard.chartTitle', { total: backlog.reduce((sum, b) => sum + b.count, 0) })}</title>
      {backlog.map((b, index) => {
        const y = index * (BAR_HEIGHT + GAP);
        const width = Math.round((b.count / max) * room);
        return (
          <g key={b.status}>
            <text x={0} y={y + BAR_HEIGHT / 2} dominantBaseline="middle" fontSize="14" fill="currentColor">
              {t(`applications:statuses.${b.status}`)}
            </text>
            <rect x={LABEL_WIDTH} y={y} width={Math.max(width, 1)} height={BAR_HEIGHT} fill="#000091" />
            <text x={LABEL_WIDTH + Math.max(width, 1) + 6} y={y + BAR_HEIGHT / 2} dominantBaseline="middle" fontSize="14" fill="currentColor">
              {b.count}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
