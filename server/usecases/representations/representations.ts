/**
 * Representatives (docs/adr/0013-representatives.md): a person grants another applicant account
 * scopes on their applications, lists and revokes; a representative's request is turned into a
 * viewer acting for the person, or a 404 when the authorisation is not theirs, is revoked, or
 * lacks the scope (what was not granted does not exist for them).
 */
import { aliasedTable, and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { representations, users, type RepresentationRow, type RepresentationScope } from '../../db/schema/index';
import { AppError } from '../../http/problem';
import type { Viewer } from '../../policies/applications';
import type { GrantRepresentationBody, RepresentationBody, RepresentationListBody } from '../../../contract/representations';

export interface RepresentationsContext {
  db: Db;
  now: () => Date;
}

function requirePerson(caller: Viewer): void {
  if (caller.role !== 'applicant' || caller.representative !== undefined) throw new AppError(403, 'forbidden');
}

const persons = aliasedTable(users, 'persons');
const agents = aliasedTable(users, 'representatives');

async function loadPresented(db: Db, where: ReturnType<typeof and>): Promise<RepresentationBody[]> {
  const rows = await db
    .select({ row: representations, person: { displayName: persons.displayName, email: persons.email }, representative: { displayName: agents.displayName, email: agents.email } })
    .from(representations)
    .innerJoin(persons, eq(persons.id, representations.personUserId))
    .innerJoin(agents, eq(agents.id, representations.representativeUserId))
    .where(where)
    .orderBy(desc(representations.createdAt), desc(representations.id));
  // Both parties sign in, so both have an address; only help-desk people have none (ADR 0020).
  return rows.map(({ row, person, representative }) => present(row, { ...person, email: person.email ?? '' }, { ...representative, email: representative.email ?? '' }));
}

function present(row: RepresentationRow, person: { displayName: string; email: string }, representative: { displayName: string; email: string }): RepresentationBody {
  return {
    id: row.id,
    kind: row.kind,
    scopes: row.scopes,
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    active: row.revokedAt === null,
    person,
    representative,
  };
}

export async function grantRepresentation(ctx: RepresentationsContext, caller: Viewer, input: GrantRepresentationBody): Promise<RepresentationBody> {
  requirePerson(caller);
  const [representative] = await ctx.db
    .select({ id: users.id, role: users.role })
    .from(users)
    .where(eq(users.email, input.email.trim().toLowerCase()));
  if (representative === undefined || representative.role !== 'applicant') {
    throw new AppError(422, 'representative_not_found', {}, [{ in: 'body', field: 'email', code: 'representative_not_found' }]);
  }
  if (representative.id === caller.id) throw new AppError(422, 'representation_self', {}, [{ in: 'body', field: 'email', code: 'representation_self' }]);
  const scopes = [...new Set<RepresentationScope>(['applications:read', ...input.scopes])];
  const inserted = await ctx.db
    .insert(representations)
    .values({ personUserId: caller.id, representativeUserId: representative.id, kind: input.kind, scopes, createdAt: ctx.now() })
    .onConflictDoNothing()
    .returning({ id: representations.id });
  if (inserted[0] === undefined) throw new AppError(409, 'representation_exists');
  const [created] = await loadPresented(ctx.db, and(eq(representations.id, inserted[0].id)));
  if (created === undefined) throw new Error('representation vanished after insert');
  return created;
}

export async function listRepresentations(ctx: RepresentationsContext, caller: Viewer): Promise<RepresentationListBody> {
  if (caller.role !== 'applicant' || caller.representative !== undefined) return { granted: [], received: [] };
  return {
    granted: await loadPresented(ctx.db, and(eq(representations.personUserId, caller.id))),
    received: await loadPresented(ctx.db, and(eq(representations.representativeUserId, caller.id), isNull(representations.revokedAt))),
  };
}

/** The person revokes; revoking twice is harmless. Someone else's authorisation: 404. */
export async function revokeRepresentation(ctx: RepresentationsContext, caller: Viewer, id: string): Promise<void> {
  requirePerson(caller);
  const [row] = await ctx.db
    .update(representations)
    .set({ revokedAt: sql`coalesce(${representations.revokedAt}, ${ctx.now().toISOString()}::timestamptz)` })
    .where(and(eq(representations.id, id), eq(representations.personUserId, caller.id)))
    .returning({ id: representations.id });
  if (row === undefined) throw new AppError(404, 'representation_not_found');
}

/** The viewer a representative acts as, for one scope; 404 unless theirs, active and granted. */
export async function actAsRepresentative(ctx: RepresentationsContext, caller: Viewer, representationId: string, scope: RepresentationScope): Promise<Viewer> {
  if (caller.role !== 'applicant' || caller.representative !== undefined) throw new AppError(404, 'representation_not_found');
  const [row] = await ctx.db
    .select()
    .from(representations)
    .where(and(eq(representations.id, representationId), eq(representations.representativeUserId, caller.id), isNull(representations.revokedAt)));
  if (row === undefined || !row.scopes.includes(scope)) throw new AppError(404, 'representation_not_found');
  return { id: row.personUserId, role: 'applicant', representative: { userId: caller.id, representationId: row.id } };
}
