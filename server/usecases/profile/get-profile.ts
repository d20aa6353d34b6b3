/**
 * The applicant's profile, its change log and the déclarations de changement d'adresse: changes
 * of address made while at least one of their applications was being examined (status
 * submitted, documents_requested or complete at that instant, read from the application's
 * append-only history).
 */
import { asc, desc, eq, inArray, isNotNull, and } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { applicantProfiles, applicationEvents, applications, profileChanges } from '../../db/schema/index';
import { OPEN_FILED_STATUSES, type ApplicationStatus } from '../../../domain/applications/types';
import type { AddressDeclarationBody, ProfileBody, ProfileChangeBody, ProfileResponseBody } from '../../../contract/profile';
import type { Caller, ProfileContext } from './context';

export type ProfileRow = typeof applicantProfiles.$inferSelect;
type ChangeRow = typeof profileChanges.$inferSelect;

export const ADDRESS_FIELDS: ReadonlySet<string> = new Set(['addressLine1', 'addressLine2', 'postalCode', 'city', 'departementCode']);

export function presentProfile(row: ProfileRow): ProfileBody {
  return {
    surname: row.surname,
    givenNames: row.givenNames,
    birthDate: row.birthDate,
    birthPlace: row.birthPlace,
    nationality: row.nationality,
    address:
      row.addressLine1 && row.postalCode && row.city && row.departementCode
        ? { line1: row.addressLine1, line2: row.addressLine2, postalCode: row.postalCode, city: row.city, departement: row.departementCode }
        : null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

function presentChange(row: ChangeRow): ProfileChangeBody {
  return {
    id: row.id,
    field: row.field,
    oldValue: row.oldValue,
    newValue: row.newValue,
    reason: row.reason,
    actorKind: row.actorKind,
    changedAt: row.changedAt.toISOString(),
  };
}

/** Whether the person has ever filed an application (from then on, changes are recorded). */
export async function hasFiled(db: Db, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.userId, userId), isNotNull(applications.filedOn)))
    .limit(1);
  return row !== undefined;
}

/** Groups address changes by instant (one save = one declaration) and keeps those made while an application was examined. */
export async function addressDeclarationsOf(db: Db, userId: string, changes: readonly ChangeRow[]): Promise<AddressDeclarationBody[]> {
  const addressChanges = changes.filter((change) => ADDRESS_FIELDS.has(change.field));
  if (addressChanges.length === 0) return [];
  const filed = await db
    .select({ id: applications.id, reference: applications.reference })
    .from(applications)
    .where(and(eq(applications.userId, userId), isNotNull(applications.filedOn)));
  if (filed.length === 0) return [];
  const events = await db
    .select({ applicationId: applicationEvents.applicationId, statusTo: applicationEvents.statusTo, at: applicationEvents.at })
    .from(applicationEvents)
    .where(inArray(applicationEvents.applicationId, filed.map((a) => a.id)))
    .orderBy(asc(applicationEvents.at), asc(applicationEvents.sequence));

  const statusAt = (applicationId: string, at: Date): ApplicationStatus | undefined => {
    let status: ApplicationStatus | undefined;
    for (const event of events) if (event.applicationId === applicationId && event.at.getTime() <= at.getTime()) status = event.statusTo;
    return status;
  };

  const groups = new Map<number, ChangeRow[]>();
  for (const change of addressChanges) {
    const key = change.changedAt.getTime();
    groups.set(key, [...(groups.get(key) ?? []), change]);
  }
  const declarations: AddressDeclarationBody[] = [];
  for (const [time, rows] of [...groups.entries()].sort((a, b) => b[0] - a[0])) {
    const at = new Date(time);
    const running = filed.filter((application) => {
      const status = statusAt(application.id, at);
      return status !== undefined && (OPEN_FILED_STATUSES as readonly ApplicationStatus[]).includes(status);
    });
    if (running.length === 0) continue;
    declarations.push({
      declaredAt: at.toISOString(),
      reason: rows.find((row) => row.reason)?.reason ?? null,
      changes: rows.map(presentChange),
      applications: running.map((application) => ({ id: application.id, reference: application.reference })),
    });
  }
  return declarations;
}

export async function getProfile(ctx: ProfileContext, caller: Caller): Promise<ProfileResponseBody> {
  const [row] = await ctx.db.select().from(applicantProfiles).where(eq(applicantProfiles.userId, caller.id));
  const changes = await ctx.db
    .select()
    .from(profileChanges)
    .where(eq(profileChanges.userId, caller.id))
    .orderBy(desc(profileChanges.changedAt), asc(profileChanges.field));
  return {
    profile: row ? presentProfile(row) : null,
    changesRecorded: await hasFiled(ctx.db, caller.id),
    changes: changes.map(presentChange),
    addressDeclarations: await addressDeclarationsOf(ctx.db, caller.id, changes),
  };
}
