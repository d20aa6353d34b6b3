/** The parts of the personal space, each a section with its own heading (h2). */
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { CallOut } from '@codegouvfr/react-dsfr/CallOut';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OverviewBody } from '../../../contract/overview';
import { useApi } from '../../api/use-api';
import { useLanguage } from '../../i18n';
import { useFormat } from '../calculator/use-format';
import { attestationPdfUrl, type AttestationList } from './attestations';
import { PROCEDURE_PATHS } from './paths';
import { JOURNEY_PATHS } from '../journey/paths';
import { STATUS_SEVERITY } from '../journey/status-severity';


export function SituationSection({ overview }: { overview: OverviewBody }) {
  const { t } = useTranslation(['procedures', 'deadlines', 'journey']);
  const format = useFormat();
  const { coverage } = overview;
  return (
    <section aria-labelledby="space-situation" className="fr-mb-6w">
      <h2 id="space-situation">{t('space.situation.title')}</h2>
      {coverage === null ? (
        <CallOut className="fr-mb-2w">
          {t('space.situation.noPermit')} <Link to={JOURNEY_PATHS.visa}>{t('journey:space.visa')}</Link>
        </CallOut>
      ) : coverage.covered ? (
        <CallOut colorVariant="green-emeraude" className="fr-mb-2w">
          <span data-testid="coverage-line">
            {coverage.until === null
              ? t('space.situation.coveredOpen', { document: t(`deadlines:documents.${coverage.document}`) })
              : t('space.situation.coveredUntil', { date: format.longDate(coverage.until), document: t(`deadlines:documents.${coverage.document}`) })}
          </span>
          <br />
          <small>{t('space.situation.rule', { citation: coverage.citation })}</small>
        </CallOut>
      ) : (
        <Alert severity="error" as="h3" small={false} title={t('space.situation.notCovered')} description={t('space.situation.rule', { citation: coverage.citation })} className="fr-mb-2w" />
      )}
      {!overview.profileComplete && (
        <p>
          {t('space.situation.completeProfile')} <Link to={PROCEDURE_PATHS.profile}>{t('space.situation.profileLink')}</Link>
        </p>
      )}
    </section>
  );
}

export function NextDeadlineSection({ overview }: { overview: OverviewBody }) {
  const { t } = useTranslation(['procedures', 'deadlines']);
  const format = useFormat();
  const language = useLanguage();
  const next = overview.nextDeadline;
  if (overview.coverage === null) return null;
  return (
    <section aria-labelledby="space-next" className="fr-mb-6w">
      <h2 id="space-next">{t('space.nextDeadline.title')}</h2>
      {next === null ? (
        <p>{t('space.nextDeadline.none')}</p>
      ) : (
        <div className="fr-card fr-p-3w">
          <h3 className="fr-h5 fr-mb-1w">{t(`deadlines:dates.${next.id}.label`)}</h3>
          <p className="fr-text--lg fr-text--bold fr-mb-1w">{t('space.nextDeadline.on', { date: format.longDate(next.on) })}</p>
          <p className="fr-mb-1w">{next.explanation[language]}</p>
          <p className="fr-text--sm fr-mb-0">{t('space.situation.rule', { citation: next.citation })}</p>
        </div>
      )}
    </section>
  );
}

export function DocumentsSection({ overview }: { overview: OverviewBody }) {
  const { t } = useTranslation(['procedures', 'deadlines', 'applications', 'journey']);
  const format = useFormat();
  if (overview.permits.length === 0) return null;
  return (
    <section aria-labelledby="space-documents" className="fr-mb-6w">
      <h2 id="space-documents">{t('space.documents.title')}</h2>
      <ul className="sejour-plain-list">
        {overview.permits.map((permit) => (
          <li key={permit.id} className="fr-card fr-p-3w fr-mb-2w">
            <h3 className="fr-h6 fr-mb-1w">
              {t(`deadlines:permitKinds.${permit.kind}`)} — {t(`applications:cardTypes.${permit.cardType}.name`)}
            </h3>
            <p className="fr-mb-1w">{t('space.documents.validity', { from: format.shortDate(permit.validFrom), until: format.shortDate(permit.validUntil) })}</p>
            {permit.foreignerNumber !== null && <p className="fr-mb-1w">{t('space.documents.foreignerNumber', { number: permit.foreignerNumber })}</p>}
            {permit.vlsTs !== null && (
              <p className="fr-mb-0">
                <Badge as="span" severity={permit.vlsTs.validation === 'validated' ? 'success' : permit.vlsTs.validation === 'too_late' ? 'error' : 'warning'} small>
                  {t(`applications:vlsTs.${permit.vlsTs.validation}`, { deadline: format.shortDate(permit.vlsTs.validationDeadline) })}
                </Badge>
                {permit.vlsTs.validation !== 'validated' && (
                  <>
                    {' '}
                    <Link to={JOURNEY_PATHS.visa}>{t('journey:space.visa')}</Link>
                  </>
                )}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ApplicationsSection({ overview }: { overview: OverviewBody }) {
  const { t } = useTranslation(['procedures', 'applications', 'journey']);
  const format = useFormat();
  return (
    <section aria-labelledby="space-applications" className="fr-mb-6w">
      <h2 id="space-applications">{t('space.applications.title')}</h2>
      <p>
        <Link className="fr-btn fr-btn--secondary fr-icon-add-line fr-btn--icon-left" to={JOURNEY_PATHS.newApplication}>
          {t('space.applications.new')}
        </Link>{' '}
        <Link className="fr-link fr-ml-md-2w" to={JOURNEY_PATHS.representatives}>
          {t('journey:space.representatives')}
        </Link>
      </p>
      {overview.applications.length === 0 ? (
        <p>{t('space.applications.none')}</p>
      ) : (
        <ul className="sejour-plain-list">
          {overview.applications.map((application) => {
            const severity = STATUS_SEVERITY[application.status];
            return (
              <li key={application.id} className="fr-card fr-p-3w fr-mb-2w" data-testid="application-summary">
                <h3 className="fr-h6 fr-mb-1w">
                  <Link to={JOURNEY_PATHS.application(application.id)}>{t(`applications:cardTypes.${application.cardType}.name`)}</Link>
                </h3>
                <p className="fr-mb-1w">
                  {severity === undefined ? (
                    <Badge as="span" small>{t(`applications:statuses.${application.status}`)}</Badge>
                  ) : (
                    <Badge as="span" small severity={severity}>
                      {t(`applications:statuses.${application.status}`)}
                    </Badge>
                  )}
                  {application.late && (
                    <Badge as="span" small severity="warning" className="fr-ml-1w">
                      {t('space.applications.late')}
                    </Badge>
                  )}
                </p>
                <p className="fr-mb-1w">
                  {application.reference === null ? t('space.applications.draft') : t('space.applications.reference', { reference: application.reference })}
                  {application.filedOn !== null && <> — {t('space.applications.filedOn', { date: format.shortDate(application.filedOn) })}</>}
                </p>
                <p className="fr-mb-0 fr-text--sm">{t('space.applications.prefecture', { name: application.prefecture.name })}</p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

export function RequestsSection({ overview }: { overview: OverviewBody }) {
  const { t } = useTranslation(['procedures', 'applications']);
  const format = useFormat();
  if (overview.applications.every((application) => application.filedOn === null)) return null;
  return (
    <section aria-labelledby="space-requests" className="fr-mb-6w">
      <h2 id="space-requests">{t('space.requests.title')}</h2>
      {overview.openRequests.length === 0 ? (
        <p>{t('space.requests.none')}</p>
      ) : (
        <ul className="sejour-plain-list">
          {overview.openRequests.map((request) => (
            <li key={request.requestId} className="fr-mb-2w">
              <Alert
                severity="warning"
                as="h3"
                small={false}
                title={t('space.requests.item', {
                  requestedOn: format.shortDate(request.requestedOn),
                  dueOn: format.longDate(request.dueOn),
                  reference: request.reference ?? '',
                })}
                description={
                  <>
                    <p className="fr-mb-1w">{t('space.requests.items')}</p>
                    <ul>
                      {request.items.map((item) => (
                        <li key={item}>{t(`applications:documents.${item}.name`, { defaultValue: item })}</li>
                      ))}
                    </ul>
                  </>
                }
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function AddressDeclarationsSection({ overview }: { overview: OverviewBody }) {
  const { t } = useTranslation('procedures');
  const format = useFormat();
  if (overview.addressDeclarations.length === 0) return null;
  return (
    <section aria-labelledby="space-address" className="fr-mb-6w">
      <h2 id="space-address">{t('space.addressDeclarations.title')}</h2>
      <ul>
        {overview.addressDeclarations.map((declaration) => (
          <li key={declaration.declaredAt}>
            {t('space.addressDeclarations.item', {
              date: format.shortDate(declaration.declaredAt.slice(0, 10)),
              references: declaration.applications.map((application) => application.reference ?? '').join(', '),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Attestations to download. Before the attestations API exists (404), says there is none yet. */
export function AttestationsSection() {
  const { t } = useTranslation(['procedures', 'attestations']);
  const format = useFormat();
  const { data, problem, loading } = useApi<AttestationList>('/attestations');
  const none = problem?.status === 404 || (data !== undefined && data.attestations.length === 0);
  return (
    <section aria-labelledby="space-attestations" className="fr-mb-6w">
      <h2 id="space-attestations">{t('space.attestations.title')}</h2>
      {loading ? null : none ? (
        <p>{t('space.attestations.none')}</p>
      ) : problem !== undefined ? (
        <p>{t('space.attestations.loadFailed')}</p>
      ) : (
        <ul className="sejour-plain-list">
          {data?.attestations.map((attestation) => (
            <li key={attestation.id} className="fr-card fr-p-3w fr-mb-2w">
              <h3 className="fr-h6 fr-mb-1w">
                {t(`attestations:kinds.${attestation.kind}`, { defaultValue: t('space.attestations.kind', { kind: attestation.kind }) })}
                {attestation.reference !== null && ` — ${attestation.reference}`}
              </h3>
              <p className="fr-mb-1w">
                {t('space.attestations.issuedOn', { date: format.shortDate(attestation.issuedOn) })}
                {attestation.validUntilOn !== null && <> — {t('space.attestations.validUntil', { date: format.shortDate(attestation.validUntilOn) })}</>}
              </p>
              {attestation.superseded && <p className="fr-mb-1w fr-text--sm">{t('space.attestations.superseded')}</p>}
              <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm">
                <li>
                  <a className="fr-btn fr-btn--secondary fr-icon-download-line fr-btn--icon-left" href={attestationPdfUrl(attestation.id, 'fr')} download hrefLang="fr">
                    {t('space.attestations.download')}
                  </a>
                </li>
                <li>
                  <a className="fr-btn fr-btn--tertiary fr-icon-download-line fr-btn--icon-left" href={attestationPdfUrl(attestation.id, 'en')} download hrefLang="en">
                    {t('space.attestations.downloadEn')}
                  </a>
                </li>
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
