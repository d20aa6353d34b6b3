import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';
import { buildTimeline, type LegalDateView, type TimelineDay } from './timeline';
import type { Formatters } from './use-format';

const KIND_BADGE_CLASS: Readonly<Record<LegalDateView['kind'], string | undefined>> = {
  legal: 'fr-badge--blue-ecume',
  reminder: undefined,
  sejour_reminder: undefined,
};

function DateItem({ date, format }: { date: LegalDateView; format: Formatters }) {
  const { t } = useTranslation(['calculator', 'deadlines']);
  const language = useLanguage();
  return (
    <li className="sejour-timeline__date-item">
      <h4 className="fr-h6 fr-mb-1w">{t(`deadlines:dates.${date.id}.label`)}</h4>
      <ul className="fr-badges-group fr-mb-1w">
        <li>
          <Badge as="span" small className={KIND_BADGE_CLASS[date.kind]}>
            {t(`deadlines:dateKinds.${date.kind}`)}
          </Badge>
        </li>
        {date.confidence !== 'high' && (
          <li>
            <Badge as="span" small severity="warning">
              {t(`deadlines:confidence.${date.confidence}`)}
            </Badge>
          </li>
        )}
      </ul>
      <p className="fr-mb-1w">{date.explanation[language]}</p>
      {date.rolledForwardFrom !== undefined && (
        <p className="fr-text--sm fr-mb-1w fr-icon-arrow-right-line fr-icon--sm sejour-calculator-icon-text">
          {t('result.timeline.rolledForward', { date: format.longDate(date.rolledForwardFrom) })}
        </p>
      )}
      {date.saferOn !== undefined && (
        <p className="fr-text--sm fr-mb-1w fr-icon-warning-line fr-icon--sm sejour-calculator-icon-text">{t('result.timeline.saferOn', { date: format.longDate(date.saferOn) })}</p>
      )}
      {date.confidence !== 'high' && <p className="fr-text--sm fr-mb-1w">{t('result.timeline.confidenceHint')}</p>}
      <p className="fr-text--sm fr-mb-0 sejour-calculator-rule">
        {t('result.rule', { label: t(`deadlines:rules.${date.ruleId}`), id: date.ruleId, citation: date.citation })}
      </p>
    </li>
  );
}

function Day({ day, format }: { day: TimelineDay<LegalDateView>; format: Formatters }) {
  const { t } = useTranslation('calculator');
  return (
    <li className={`sejour-timeline__item sejour-timeline__item--${day.relation}`}>
      <p className="sejour-timeline__day fr-mb-1w">
        <time dateTime={day.on}>{format.longDate(day.on)}</time>
        {day.relation === 'past' && (
          <Badge as="span" small noIcon className="fr-ml-1w">
            {t('result.timeline.past')}
          </Badge>
        )}
        {day.relation === 'today' && (
          <Badge as="span" small severity="info" noIcon className="fr-ml-1w">
            {t('result.timeline.today')}
          </Badge>
        )}
      </p>
      <ul className="sejour-plain-list">
        {day.dates.map((date) => (
          <DateItem key={`${date.id}-${date.on}`} date={date} format={format} />
        ))}
      </ul>
    </li>
  );
}

/**
 * The dates as a vertical timeline, one step per day in date order, with today's place between
 * the past and the future. Each date: its label, kind, explanation in the reader's language, the
 * rule and article in plain words, and when they apply the confidence, the roll-forward and the
 * safer day.
 */
export function DateTimeline({ dates, today, format }: { dates: readonly LegalDateView[]; today: string; format: Formatters }) {
  const { t } = useTranslation('calculator');
  if (dates.length === 0) return <p>{t('result.timeline.empty')}</p>;
  const entries = buildTimeline(dates, today);
  return (
    <ol className="sejour-timeline">
      {entries.map((entry) =>
        entry.type === 'today' ? (
          <li key="today" className="sejour-timeline__item sejour-timeline__item--marker">
            <p className="sejour-timeline__day fr-mb-0">
              <time dateTime={entry.on}>{t('result.timeline.todayMarker', { date: format.longDate(entry.on) })}</time>
            </p>
          </li>
        ) : (
          <Day key={entry.on} day={entry} format={format} />
        ),
      )}
    </ol>
  );
}
