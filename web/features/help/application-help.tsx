/**
 * On the application page (issue 8): when the application waits for an answer, was implicitly
 * refused or was refused, the registered letters that fit (GET …/letters/:kind.pdf) and the help
 * page for that situation. Nothing shown for a draft, a withdrawal or a favourable decision.
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApplicationBody } from '../../../contract/applications';
import { useLanguage } from '../../i18n';
import { useFormat } from '../calculator/use-format';
import { usePersonScope } from '../journey/person-scope';
import { helpPath } from './help-content';

const APPLICANT = { url: (path: string) => `/api/v1${path}` };

/** `scope`: whose application (web/features/journey/person-scope.tsx); the signed-in applicant's by default. */
export function letterPdfUrl(applicationId: string, kind: string, language: 'fr' | 'en', scope: { url: (path: string) => string } = APPLICANT): string {
  return scope.url(`/applications/${encodeURIComponent(applicationId)}/letters/${kind}.pdf?lang=${language}`);
}

export function ApplicationHelp({ application }: { application: ApplicationBody }) {
  const { t } = useTranslation('help');
  const language = useLanguage();
  const format = useFormat();
  const scope = usePersonScope();
  const { situation, letters, tacitRefusalOn } = application.help;
  if (situation === null) return null;
  return (
    <section aria-labelledby="application-help" className="fr-mb-4w" data-testid="application-help">
      <h2 id="application-help">{t('application.title')}</h2>
      <p>{t(`application.${situation}`, { date: tacitRefusalOn ? format.longDate(tacitRefusalOn) : '' })}</p>
      {letters.length > 0 && (
        <>
          <ul className="sejour-plain-list">
            {letters.map((kind) => (
              <li key={kind} className="fr-mb-2w">
                <a className="fr-btn fr-btn--secondary fr-icon-download-line fr-btn--icon-left" href={letterPdfUrl(application.id, kind, language, scope)} download>
                  {t(`application.letters.${kind}`)}
                </a>
              </li>
            ))}
          </ul>
          <p className="fr-text--sm">{t('application.lettersHint')}</p>
        </>
      )}
      <p>
        <Link className="fr-link fr-icon-arrow-right-line fr-link--icon-right" to={helpPath(situation)}>
          {t('application.helpLink')}
        </Link>
      </p>
    </section>
  );
}
