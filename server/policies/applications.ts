/**
 * Who may see and act on an applicant's objects: permits, VLS-TS validations, applications and
 * their documents. Pure predicates; the use cases load the object and ask here. An object the
 * caller may not see does not exist for them: the use case answers 404, never 403, so that ids of
 * other people's files reveal nothing (not even that they exist).
 *
 * The applicant themself, or a representative acting for them: routes under
 * /api/v1/represented/:representationId build a viewer whose `id` is the person represented and
 * whose `representative` names who acts (docs/adr/0013-representatives.md); the same ownership
 * checks then apply, and the history records `representative` with the representative's account.
 * Likewise, routes under /api/v1/staff/help-desk/people/:personId build a viewer whose `id` is a
 * person registered at one of the agent's préfectures' desks and whose `helpDesk` names the agent
 * (docs/adr/0020-help-desk-substitution.md): the history records `help_desk` with the agent.
 */
import type { UserRole } from '../db/schema/users';
import type { ActorKind } from '../../domain/applications/types';

export interface Viewer {
  id: string;
  role: UserRole;
  /** Set when a representative acts for the person `id`, under an authorisation checked by the route. */
  representative?: { userId: string; representationId: string } | undefined;
  /** Set when a préfecture agent files for the person `id` at the help desk, checked by the route. */
  helpDesk?: { agentUserId: string; prefectureId: string } | undefined;
}

/** Anything that belongs to one person. */
export interface Owned {
  userId: string;
}

/** The applicant sees and acts on their own permits, applications and documents, and nothing else. */
export function isOwnedBy(viewer: Viewer, object: Owned): boolean {
  return viewer.role === 'applicant' && object.userId === viewer.id;
}

export const canSeePermit = isOwnedBy;
export const canSeeApplication = isOwnedBy;
export const canActOnApplication = isOwnedBy;

/** A document is seen through its application. */
export function canSeeDocument(viewer: Viewer, application: Owned, document: { applicationId: string }, applicationId: string): boolean {
  return isOwnedBy(viewer, application) && document.applicationId === applicationId;
}

/** The kind of actor the state machine sees for this viewer, or undefined when none applies. */
export function actorKindOf(viewer: Viewer): ActorKind | undefined {
  if (viewer.role !== 'applicant') return undefined;
  if (viewer.helpDesk !== undefined) return 'help_desk';
  return viewer.representative === undefined ? 'applicant' : 'representative';
}

/** The account that acts, for the history: the representative's when one acts for the person. */
export function actorIdOf(viewer: Viewer): string {
  return viewer.helpDesk?.agentUserId ?? viewer.representative?.userId ?? viewer.id;
}
