/**
 * On a journey page opened at the help desk (web/features/journey/person-scope.tsx): says whose file
 * the agent is working on, and that what is done here counts as if the person did it online.
 * Nothing for the applicant's own pages.
 */
import { Notice } from '@codegouvfr/react-dsfr/Notice';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AssistedPersonBody } from '../../../contract/help-desk';
import { useApi } from '../../api/use-api';
import { usePersonScope } from '../journey/person-scope';
import { HELP_DESK_PATHS } from './paths';
import { personName } from './person-name';

export function ActingForBanner() {
  const scope = usePersonScope();
  return scope.personId === null ? null : <Banner personId={scope.personId} />;
}

function Banner({ personId }: { personId: string }) {
  const { t } = useTranslation('help-desk');
  const { data } = useApi<AssistedPersonBody>(`/staff/help-desk/people/${encodeURIComponent(personId)}`);
  return (
    <Notice
      className="fr-mb-4w"
      title={data === undefined ? t('banner.titleLoading') : t('banner.title', { name: personName(data.profile) })}
      description={
        <>
          {t('banner.effects')} <Link to={HELP_DESK_PATHS.person(personId)}>{t('banner.link')}</Link>
        </>
      }
    />
  );
}
