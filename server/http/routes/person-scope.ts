/**
 * Whose file a person's routes work on. The applicant's own routes (permits, VLS-TS, applications,
 * documents, attestations) are registered once for the signed-in applicant (`SELF`: /api/v1/…) and
 * once for the préfecture's help desk (`helpDeskScope`: /api/v1/staff/help-desk/people/:personId/…,
 * docs/adr/0020-help-desk-substitution.md), from the same code: same use cases, same checks, same
 * answers. Only the path prefix, who may call, the OpenAPI wording and the viewer differ.
 */
import type { FastifyRequest } from 'fastify';
import { Type, type TObject } from 'typebox';
import type { UserRole } from '../../db/schema/users';
import type { Viewer } from '../../policies/applications';
import { actAtHelpDesk, type HelpDeskContext } from '../../usecases/help-desk/people';
import { auditOrigin } from '../audit-origin';
import { AppError } from '../problem';

export interface PersonScope {
  /** Replaces `/api/v1` at the start of the person's paths. */
  readonly prefix: string;
  readonly access: readonly UserRole[];
  /** The viewer the use cases see (checked and, at the desk, audited). */
  viewer(request: FastifyRequest): Promise<Viewer>;
  /** The route's schema for this scope (the same object for `SELF`). */
  schema<S extends { summary?: string; params?: TObject; tags?: string[] }>(schema: S): S;
}

export const SELF: PersonScope = {
  prefix: '/api/v1',
  access: ['applicant'],
  viewer: async (request) => {
    if (!request.user) throw new AppError(401, 'unauthenticated');
    return request.user;
  },
  schema: (schema) => schema,
};

const PersonId = Type.String({ format: 'uuid', description: 'The person registered at the help desk.' });

export function helpDeskScope(ctx: HelpDeskContext): PersonScope {
  return {
    prefix: '/api/v1/staff/help-desk/people/:personId',
    access: ['agent', 'supervisor'],
    viewer: async (request) => {
      if (!request.user) throw new AppError(401, 'unauthenticated');
      const { personId } = request.params as { personId: string };
      return actAtHelpDesk(ctx, request.user, personId, auditOrigin(request), { method: request.method, route: request.routeOptions.url ?? '' });
    },
    schema: (schema) => {
      const summary = schema.summary ?? '';
      return {
        ...schema,
        tags: ['help-desk'],
        summary: `At the help desk, for the person: ${summary.charAt(0).toLowerCase()}${summary.slice(1)}`.replace(/\b(my|I)\b/g, (word) => (word === 'my' ? 'their' : 'they')),
        params: Type.Object({ personId: PersonId, ...(schema.params?.properties ?? {}) }),
      };
    },
  };
}
