import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { CallOut } from '@codegouvfr/react-dsfr/CallOut';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PrefecturePage as PrefecturePageBody } from '../../../contract/directory';
import { useApi } from '../../api/use-api';
import { useLanguage } from '../../i18n';
import { useDocumentTitle } from '../../ui/use-document-title';
import { formatTime, weekdayName } from './weekday';
import { PrefectureFigures } from '../statistics/prefecture-figures';
import './directory.css';

type Hours = NonNullable<PrefecturePageBody['page']>['receptionHours'];

function HoursTable({ hours, caption }: { hours: Hours; caption: string }) {
  const { t } = useTranslation('directory');
  const language = useLanguage();
  if (hours.length === 0) return <p>{t('page.noHours')}</p>;
  const days = [...new Set(hours.map((h) => h.day))];
  return (
    <div className="fr-table fr-table--no-caption">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('page.day')}</th>
            <th scope="col">{t('page.hours')}</th>
          </tr>
        </thead>
        <tbody>
          {days.map((day) => (
            <tr key={day}>
              <th scope="row">{weekdayName(day, language)}</th>
              <td>
                {hours
                  .filter((h) => h.day === day)
                  .map((h) => t('page.period', { opens: formatTime(h.opens, language), closes: formatTime(h.closes, language) }))
                  .join(t('page.and'))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A préfecture's "Horaires et coordonnées": reception, digital help desk, phone, booking. */
export function PrefecturePage() {
  const { t } = useTranslation('directory');
  const language = useLanguage();
  const { code = '' } = useParams();
  const { data, problem } = useApi<PrefecturePageBody>(`/prefectures/${encodeURIComponent(code)}/page`);
  useDocumentTitle(data ? data.prefecture.name : t('title'));

  if (problem) {
    return (
      <div className="fr-container fr-py-6w">
        <h1>{t('title')}</h1>
        <Alert severity="error" as="h2" title={problem.title} description={problem.detail} />
        <p className="fr-mt-4w">
          <Link to="/prefectures">{t('page.back')}</Link>
        </p>
      </div>
    );
  }
  if (!data) return null;
  const page = data.page;
  const notes = language === 'en' ? (page?.notesEn ?? page?.notesFr) : page?.notesFr;

  return (
    <div className="fr-container fr-py-6w">
      <p>
        <Link to="/prefectures">{t('page.back')}</Link>
      </p>
      <h1>{data.prefecture.name}</h1>
      <p className="fr-text--lead">{t('page.lead', { departement: data.departement.name, code: data.departement.code })}</p>

      {page === null ? (
        <CallOut title={t('page.unpublished.title')} titleAs="h2">{t('page.unpublished.text')}</CallOut>
      ) : (
        <>
          <section aria-labelledby="prefecture-contact" className="fr-mb-6w">
            <h2 id="prefecture-contact">{t('page.contact')}</h2>
            <p className="sejour-address">{page.address}</p>
            {page.phone !== null && (
              <p>
                {t('page.phone')} <a href={`tel:${page.phone.replace(/[^+0-9]/g, '')}`}>{page.phone}</a>
              </p>
            )}
            <HoursTable hours={page.receptionHours} caption={t('page.receptionHours')} />
          </section>

          <section aria-labelledby="prefecture-help-desk" className="fr-mb-6w">
            <h2 id="prefecture-help-desk">{t('page.helpDesk')}</h2>
            <p>{t('page.helpDeskText')}</p>
            {page.helpDeskAddress !== null && <p className="sejour-address">{page.helpDeskAddress}</p>}
            <HoursTable hours={page.helpDeskHours} caption={t('page.helpDeskHours')} />
          </section>

          {notes != null && notes !== '' && (
            <section aria-labelledby="prefecture-notes" className="fr-mb-6w">
              <h2 id="prefecture-notes">{t('page.notes')}</h2>
              <p lang={language === 'en' && page.notesEn === null ? 'fr' : undefined}>{notes}</p>
            </section>
          )}

          <section aria-labelledby="prefecture-appointment" className="fr-mb-6w">
            <h2 id="prefecture-appointment">{t('page.appointment')}</h2>
            {page.appointmentUrl !== null ? (
              <Button linkProps={{ href: page.appointmentUrl, target: '_blank', rel: 'noopener noreferrer', title: t('page.appointmentNewWindow') }}>
                {t('page.appointmentButton')}
              </Button>
            ) : (
              <p>{t('page.noAppointment')}</p>
            )}
          </section>
          <p className="fr-text--sm">{t('page.updated', { date: new Date(page.updatedAt).toLocaleDateString(language, { dateStyle: 'long' }) })}</p>
        </>
      )}
      <PrefectureFigures departement={data.departement.code} />
    </div>
  );
}
