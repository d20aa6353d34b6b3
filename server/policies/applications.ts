/**
 * Who may see and act on an applicant's objects: permits, VLS-TS validations, applications and
 * their documents. Pure predicates; the use cases load the object and ask here. An object the
 * caller may not see does not exist for them: the use case answers 404, never 403, so that ids of
 * other people's files reveal nothing (not even that they exist).
 *
 * Today only the applicant themself; representatives (acting for someone) and préfecture agents
 * (their prefecture's applications) come with their issues.
 */
import type { UserRole } from '../db/schema/users';
import type { ActorKind } from '../../domain/applications/types';

export interface Viewer {
  id: string;
  role: UserRole;
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
  return viewer.role === 'applicant' ? 'applicant' : undefined;
}
