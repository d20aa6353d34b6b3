/**
 * Loading an applicant's objects with the access policy applied: what the caller may not see
 * is "not found" (404), exactly like what does not exist.
 */
import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  applicantProfiles,
  applicationDocuments,
  applicationEvents,
  applications,
  documentRequests,
  permits,
  prefectures,
  vlsTsValidations,
} from '../../db/schema/index';
import { AppError } from '../../http/problem';
import { canSeeApplication, canSeeDocument, canSeePermit, type Viewer } from '../../policies/applications';

export type PermitRow = typeof permits.$inferSelect;
export type ApplicationRow = typeof applications.$inferSelect;
export type DocumentRow = typeof applicationDocuments.$inferSelect;
export type EventRow = typeof applicationEvents.$inferSelect;
export type DocumentRequestRow = typeof documentRequests.$inferSelect;
export type PrefectureRow = typeof prefectures.$inferSelect;
export type ValidationRow = typeof vlsTsValidations.$inferSelect;

export async function loadOwnPermit(db: Db, viewer: Viewer, permitId: string): Promise<PermitRow> {
  const [permit] = await db.select().from(permits).where(eq(permits.id, permitId));
  if (!permit || !canSeePermit(viewer, permit)) throw new AppError(404, 'permit_not_found');
  return permit;
}

/**
 * The application, if the caller may see it. `forUpdate` locks the row until the end of the
 * transaction: every change of an application (status, documents, history) takes this lock first,
 * so concurrent requests on one application run one after the other.
 */
export async function loadOwnApplication(db: Db, viewer: Viewer, applicationId: string, options: { forUpdate?: boolean } = {}): Promise<ApplicationRow> {
  const query = db.select().from(applications).where(eq(applications.id, applicationId));
  const [application] = options.forUpdate ? await query.for('update') : await query;
  if (!application || !canSeeApplication(viewer, application)) throw new AppError(404, 'application_not_found');
  return application;
}

export async function loadOwnDocument(db: Db, viewer: Viewer, application: ApplicationRow, documentId: string): Promise<DocumentRow> {
  const [document] = await db.select().from(applicationDocuments).where(eq(applicationDocuments.id, documentId));
  if (!document || !canSeeDocument(viewer, application, document, application.id)) throw new AppError(404, 'document_not_found');
  return document;
}

export async function permitsOf(db: Db, userId: string): Promise<PermitRow[]> {
  return db.select().from(permits).where(eq(permits.userId, userId)).orderBy(desc(permits.validUntilOn), desc(permits.createdAt));
}

/** The person's numéro d'étranger: the one on their most recent permit that has one. */
export async function foreignerNumberOf(db: Db, userId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ number: permits.foreignerNumber })
    .from(permits)
    .where(and(eq(permits.userId, userId), isNotNull(permits.foreignerNumber)))
    .orderBy(desc(permits.validUntilOn), desc(permits.createdAt))
    .limit(1);
  return row?.number ?? undefined;
}

/** The département of the address given at the person's latest VLS-TS validation. */
export async function departementOf(db: Db, userId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ code: vlsTsValidations.departementCode })
    .from(vlsTsValidations)
    .where(eq(vlsTsValidations.userId, userId))
    .orderBy(desc(vlsTsValidations.validatedAt))
    .limit(1);
  return row?.code;
}

/** The département of the address in the person's profile, if they declared one. */
export async function profileDepartementOf(db: Db, userId: string): Promise<string | undefined> {
  const [row] = await db.select({ code: applicantProfiles.departementCode }).from(applicantProfiles).where(eq(applicantProfiles.userId, userId));
  return row?.code ?? undefined;
}

export async function prefectureOf(db: Db, departement: string): Promise<PrefectureRow> {
  const [prefecture] = await db.select().from(prefectures).where(eq(prefectures.departementCode, departement));
  if (!prefecture) throw new AppError(400, 'departement_unknown', { departement });
  return prefecture;
}

export async function prefectureById(db: Db, id: string): Promise<PrefectureRow> {
  const [prefecture] = await db.select().from(prefectures).where(eq(prefectures.id, id));
  if (!prefecture) throw new Error(`prefecture ${id} vanished`);
  return prefecture;
}

export async function activeDocuments(db: Db, applicationId: string): Promise<DocumentRow[]> {
  return db
    .select()
    .from(applicationDocuments)
    .where(and(eq(applicationDocuments.applicationId, applicationId), eq(applicationDocuments.state, 'active')))
    .orderBy(asc(applicationDocuments.uploadedAt), asc(applicationDocuments.id));
}

export async function historyOf(db: Db, applicationId: string): Promise<EventRow[]> {
  return db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, applicationId)).orderBy(asc(applicationEvents.sequence));
}

export async function requestsOf(db: Db, applicationId: string): Promise<DocumentRequestRow[]> {
  return db.select().from(documentRequests).where(eq(documentRequests.applicationId, applicationId)).orderBy(asc(documentRequests.requestedOn));
}

export async function validationOf(db: Db, permitIds: readonly string[]): Promise<Map<string, ValidationRow>> {
  if (permitIds.length === 0) return new Map();
  const rows = await db.select().from(vlsTsValidations).where(inArray(vlsTsValidations.permitId, [...permitIds]));
  return new Map(rows.map((row) => [row.permitId, row]));
}

/** Bytes held by the active documents of an application. */
export async function activeBytes(db: Db, applicationId: string): Promise<number> {
  const [row] = await db
    .select({ total: sql<string | number | null>`coalesce(sum(${applicationDocuments.sizeBytes}), 0)` })
    .from(applicationDocuments)
    .where(and(eq(applicationDocuments.applicationId, applicationId), eq(applicationDocuments.state, 'active')));
  return Number(row?.total ?? 0);
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const cause = ((error as { cause?: unknown }).cause ?? error) as { code?: unknown; constraint?: unknown };
  return cause.code === '23505' && (constraint === undefined || cause.constraint === constraint);
}
