/** The answer of POST /api/v1/verify, as a verifier reads it: a verdict, then only the vouched data. */
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { useTranslation } from 'react-i18next';
import type { VerifyResult } from '../../../contract/verify';
import { useFormat } from '../calculator/use-format';

type Severity = 'success' | 'warning' | 'error' | 'info';

export function verdictSeverity(result: VerifyResult): Severity {
  if (result.share !== null) return result.share.coveredBy !== null || result.share.declaredPermit !== null ? 'success' : 'info';
  if (result.result === 'valid') return result.status === 'current' ? 'success' : result.status === 'unknown' ? 'error' : 'warning';
  if (result.result === 'not_found') return 'info';
  return 'error';
}

export function VerifyResultView({ result }: { result: VerifyResult }) {
  const { t } = useTranslation(['verify', 'attestations', 'deadlines']);
  const format = useFormat();
  const severity = verdictSeverity(result);
  const { document, share } = result;
  return (
    <div data-testid="verify-result" data-result={result.result} data-status={result.status ?? ''}>
      <Alert
        severity={severity}
        as="h2"
        small={false}
        title={result.share !== null ? t('page.share.verdict') : t(`page.verdicts.${severity}`)}
        description={result.message}
        className="fr-mb-3w"
      />
      {document !== null && (
        <section aria-labelledby="verify-vouched">
          <h3 id="verify-vouched">{t('page.vouched.title')}</h3>
          <dl className="sejour-verify-facts">
            <dt>{t('page.vouched.kind')}</dt>
            <dd>{t(`attestations:kinds.${document.kind}.title`)}</dd>
            <dt>{t('page.vouched.holder')}</dt>
            <dd>{document.holderName}</dd>
            <dt>{t('page.vouched.birthDate')}</dt>
            <dd>{format.longDate(document.birthDate)}</dd>
            {document.foreignerNumber !== null && (
              <>
                <dt>{t('page.vouched.foreignerNumber')}</dt>
                <dd>{document.foreignerNumber}</dd>
              </>
            )}
            <dt>{t('page.vouched.issuer')}</dt>
            <dd>{document.issuer}</dd>
            <dt>{t('page.vouched.issuedOn')}</dt>
            <dd>{format.longDate(document.issuedOn)}</dd>
            <dt>{t('page.vouched.validUntil')}</dt>
            <dd>{document.validUntil === null ? t('page.vouched.noEnd') : format.longDate(document.validUntil)}</dd>
            {result.supersededOn !== null && (
              <>
                <dt>{t('page.vouched.supersededOn')}</dt>
                <dd>{format.longDate(result.supersededOn)}</dd>
              </>
            )}
            <dt>{t('page.vouched.documentId')}</dt>
            <dd>
              <code>{document.documentId}</code>
            </dd>
          </dl>
          <p className="fr-text--sm">{t('page.vouched.nothingMore')}</p>
        </section>
      )}
      {share !== null && (
        <section aria-labelledby="verify-share">
          <h3 id="verify-share">{t('page.share.title')}</h3>
          <dl className="sejour-verify-facts">
            <dt>{t('page.vouched.holder')}</dt>
            <dd>{share.holderName}</dd>
            <dt>{t('page.share.purpose')}</dt>
            <dd>{t(`page.purposes.${share.purpose}`, { defaultValue: share.purpose })}</dd>
            {share.application !== null && (
              <>
                <dt>{t('page.share.application')}</dt>
                <dd>
                  {t(share.application.filedInTime ? 'page.share.filedInTime' : 'page.share.filedLate', { date: format.longDate(share.application.filedOn) })}
                </dd>
              </>
            )}
            <dt>{t('page.share.coveredBy')}</dt>
            <dd>
              {share.coveredBy === null
                ? t('page.share.notCovered')
                : share.coveredBy.until === null
                  ? t(`attestations:kinds.${share.coveredBy.kind}.title`)
                  : t('page.share.coveredUntil', { document: t(`attestations:kinds.${share.coveredBy.kind}.title`), date: format.longDate(share.coveredBy.until) })}
            </dd>
            {share.declaredPermit !== null && (
              <>
                <dt>{t('page.share.declaredPermit')}</dt>
                <dd>
                  {t('page.share.declaredPermitValue', {
                    kind: t(`deadlines:permitKinds.${share.declaredPermit.kind}`, { defaultValue: share.declaredPermit.kind }),
                    date: format.longDate(share.declaredPermit.validUntil),
                  })}
                </dd>
              </>
            )}
            {(share.coveredBy?.kind === 'prolongation' || share.declaredPermit === null) && (
              <>
                <dt>{t('page.share.previousRights')}</dt>
                <dd>{t(share.previousRightsContinue ? 'page.share.rightsContinue' : 'page.share.rightsDoNotContinue')}</dd>
              </>
            )}
            <dt>{t('page.share.checkedOn')}</dt>
            <dd>{format.longDate(share.checkedOn)}</dd>
          </dl>
        </section>
      )}
    </div>
  );
}
