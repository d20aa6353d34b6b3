/**
 * /aide — "When nothing works" (issue 8): what no answer, an implicit refusal or a refusal means,
 * what the person can do, and who can help (consulate, Gisti, a lawyer, the Défenseur des droits),
 * with how to reach them. `?situation=no_answer|tacit_refusal|refusal` opens on that situation and
 * puts the most useful helpers first; the application page links here in context.
 */
import { CallOut } from '@codegouvfr/react-dsfr/CallOut';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../ui/use-document-title';
import { ACTORS, ACTORS_BY_SITUATION, HELP_SITUATIONS, STEP_KEYS, helpPath, isHelpSituation, type ActorId, type HelpSituation } from './help-content';

export function HelpPage() {
  const { t } = useTranslation('help');
  useDocumentTitle(t('title'));
  const [params] = useSearchParams();
  const raw = params.get('situation');
  const situation = isHelpSituation(raw) ? raw : null;
  const shown: readonly HelpSituation[] = situation ? [situation] : HELP_SITUATIONS;
  const actors = situation ? ACTORS_BY_SITUATION[situation] : (['consulate', 'gisti', 'lawyer', 'defender'] as const);
  return (
    <div className="fr-container fr-py-6w">
      <div className="fr-grid-row fr-grid-row--center">
        <div className="fr-col-12 fr-col-md-10 fr-col-lg-8">
          <h1>{t('title')}</h1>
          <p className="fr-text--lead">{t('intro')}</p>
          <nav aria-label={t('situationsNav')} className="fr-mb-4w">
            <ul className="fr-tags-group">
              <li>
                <Link className="fr-tag" to={helpPath(null)} aria-current={situation === null ? 'page' : undefined}>
                  {t('allSituations')}
                </Link>
              </li>
              {HELP_SITUATIONS.map((id) => (
                <li key={id}>
                  <Link className="fr-tag" to={helpPath(id)} aria-current={situation === id ? 'page' : undefined}>
                    {t(`situations.${id}.label`)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>

          <h2>{t('situationsTitle')}</h2>
          {shown.map((id) => (
            <section key={id} aria-labelledby={`help-situation-${id}`} className="fr-mb-4w" data-testid={`help-situation-${id}`}>
              <h3 id={`help-situation-${id}`}>{t(`situations.${id}.title`)}</h3>
              <p>{t(`situations.${id}.meaning`)}</p>
              <ol>
                {STEP_KEYS.map((step) => (
                  <li key={step}>{t(`situations.${id}.steps.${step}`)}</li>
                ))}
              </ol>
            </section>
          ))}
          <CallOut className="fr-mb-4w">{t('notLegalAdvice')}</CallOut>

          <h2>{t('actorsTitle')}</h2>
          {actors.map((id) => (
            <ActorCard key={id} id={id} />
          ))}
        </div>
      </div>
    </div>
  );
}

function ActorCard({ id }: { id: ActorId }) {
  const { t } = useTranslation('help');
  const actor = ACTORS[id];
  const external = (href: string, label: string) => (
    <a href={href} target="_blank" rel="noopener noreferrer" title={`${label} – ${t('external')}`}>
      {label}
    </a>
  );
  return (
    <section aria-labelledby={`help-actor-${id}`} className="fr-mb-4w" data-testid={`help-actor-${id}`}>
      <h3 id={`help-actor-${id}`}>{t(`actors.${id}.name`)}</h3>
      <h4 className="fr-text--md fr-mb-1v">{t('whatTheyDo')}</h4>
      <p>{t(`actors.${id}.does`)}</p>
      <h4 className="fr-text--md fr-mb-1v">{t('howToReach')}</h4>
      <p>{t(`actors.${id}.reach`)}</p>
      <ul>
        {actor.phone && (
          <li>
            <a href={`tel:${actor.phone}`}>{t(`actors.${id}.phoneLabel`)}</a>
          </li>
        )}
        <li>{external(actor.url, t(`actors.${id}.link`))}</li>
        {actor.secondUrl && <li>{external(actor.secondUrl, t(`actors.${id}.aid`))}</li>}
      </ul>
    </section>
  );
}
