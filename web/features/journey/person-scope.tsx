/**
 * Whose file the journey pages work on. By default, the signed-in applicant's own: API paths as
 * they are (`/applications/…`), links to the personal space (`/espace/…`), the applicant's session
 * required. At the préfecture's help desk (guichet), an agent works on the file of a person who
 * cannot use the online service (docs/adr/0020-help-desk-substitution.md): the same pages, with the
 * person-scoped copies of the routes (`/staff/help-desk/people/:personId/applications/…`), links
 * under `/agent/guichet/:personId/…`, and the staff session with its second factor required.
 *
 *   const scope = usePersonScope();
 *   useApi<ApplicationBody>(scope.api(`/applications/${id}`));
 *   <Link to={scope.paths.application(id)}>…</Link>
 *
 * Routes that are not the person's (`/card-types`, `/auth/csrf`) are never passed through `api`.
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MeBody } from '../../../contract/accounts';
import { API_BASE } from '../../api/client';
import { RequireSession } from '../account/require-session';
import { StaffGate } from '../back-office/staff-gate';
import { HELP_DESK_PATHS } from '../help-desk/paths';
import { PROCEDURE_PATHS } from '../procedures/paths';
import { JOURNEY_PATHS } from './paths';

export interface PersonScope {
  /** null: the signed-in applicant; else the person an agent registered at the help desk. */
  personId: string | null;
  /** The person-scoped API path (`/applications/x` → `/staff/help-desk/people/p/applications/x`), for `api`/`useApi`. */
  api: (path: string) => string;
  /** The same as a full address (`/api/v1/…`), for links to files and PDFs. */
  url: (path: string) => string;
  /** Where the person's profile is read: a body with `.profile` (GET /me/profile, or the person). */
  profilePath: string;
  paths: {
    /** The page that lists the person's files (the personal space, or the person's page at the desk). */
    home: string;
    visa: string;
    newApplication: string;
    application: (id: string) => string;
  };
}

export function applicantScope(): PersonScope {
  return {
    personId: null,
    api: (path) => path,
    url: (path) => `${API_BASE}${path}`,
    profilePath: '/me/profile',
    paths: { home: PROCEDURE_PATHS.space, visa: JOURNEY_PATHS.visa, newApplication: JOURNEY_PATHS.newApplication, application: JOURNEY_PATHS.application },
  };
}

export function helpDeskScope(personId: string): PersonScope {
  const prefix = `/staff/help-desk/people/${encodeURIComponent(personId)}`;
  return {
    personId,
    api: (path) => `${prefix}${path}`,
    url: (path) => `${API_BASE}${prefix}${path}`,
    profilePath: prefix,
    paths: {
      home: HELP_DESK_PATHS.person(personId),
      visa: HELP_DESK_PATHS.visa(personId),
      newApplication: HELP_DESK_PATHS.newApplication(personId),
      application: (id) => HELP_DESK_PATHS.application(personId, id),
    },
  };
}

const PersonScopeContext = createContext<PersonScope>(applicantScope());

export function usePersonScope(): PersonScope {
  return useContext(PersonScopeContext);
}

/** The journey pages below work on this person's file at the help desk. */
export function HelpDeskScope({ personId, children }: { personId: string; children: ReactNode }) {
  const scope = useMemo(() => helpDeskScope(personId), [personId]);
  return <PersonScopeContext.Provider value={scope}>{children}</PersonScopeContext.Provider>;
}

/**
 * The session a journey page needs: the applicant's own (RequireSession), or at the help desk a
 * staff member's with the second factor passed (StaffGate) — never the applicant's.
 */
export function ScopeGate({ title, children }: { title: string; children: (user: MeBody) => ReactNode }) {
  const scope = usePersonScope();
  return scope.personId === null ? <RequireSession title={title}>{children}</RequireSession> : <StaffGate title={title}>{children}</StaffGate>;
}

/** The way back to the person's files: the personal space, or the person's page at the desk. */
export function BackHome() {
  const { t } = useTranslation(['journey', 'help-desk']);
  const scope = usePersonScope();
  return (
    <p className="fr-mt-6w">
      <Link to={scope.paths.home}>{scope.personId === null ? t('backToSpace') : t('help-desk:backToPerson')}</Link>
    </p>
  );
}
