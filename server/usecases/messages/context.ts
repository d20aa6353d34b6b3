/** What the messaging use cases need, and the shared reads and presentation. */
import { randomInt } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { MessageBody, StaffThreadSummary, ThreadSummary } from '../../../contract/messages';
import { REFERENCE_ALPHABET, REFERENCE_CODE_LENGTH } from '../../../domain/applications/index';
import { findCategory, findSubject } from '../../../domain/messages/topics';
import type { Db } from '../../db/client';
import { applicantProfiles, applications, messageAttachments, messageThreads, messages, prefectures, users } from '../../db/schema/index';
import type { Locale } from '../../i18n/index';
import { todayInParis } from '../../../domain/deadlines/index';
import { departementOf } from '../applications/queries';

export interface MessagesContext {
  db: Db;
  now: () => Date;
  /** Where links in emails point (PUBLIC_URL). */
  publicUrl: string;
}

export type ThreadRow = typeof messageThreads.$inferSelect;

/** `MSG-2026-7KQ2XD`: the application references' alphabet, another prefix. */
export function drawMessageReference(year: number): string {
  const code = Array.from({ length: REFERENCE_CODE_LENGTH }, () => REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)]).join('');
  return `MSG-${year}-${code}`;
}

export function labels(categoryId: string, subjectId: string, locale: Locale): { categoryLabel: string; subjectLabel: string } {
  return {
    categoryLabel: findCategory(categoryId)?.label[locale] ?? categoryId,
    subjectLabel: findSubject(categoryId, subjectId)?.label[locale] ?? subjectId,
  };
}

/** Summaries of these threads, with their application reference and préfecture name. */
export async function summarise(db: Db, rows: readonly ThreadRow[], locale: Locale): Promise<ThreadSummary[]> {
  if (rows.length === 0) return [];
  const appIds = rows.map((r) => r.applicationId).filter((id): id is string => id !== null);
  const apps = appIds.length ? await db.select({ id: applications.id, reference: applications.reference }).from(applications).where(inArray(applications.id, appIds)) : [];
  const prefs = await db.select({ id: prefectures.id, name: prefectures.name }).from(prefectures).where(inArray(prefectures.id, [...new Set(rows.map((r) => r.prefectureId))]));
  return rows.map((row) => ({
    id: row.id,
    reference: row.reference,
    categoryId: row.categoryId,
    subjectId: row.subjectId,
    ...labels(row.categoryId, row.subjectId, locale),
    applicationId: row.applicationId,
    applicationReference: apps.find((a) => a.id === row.applicationId)?.reference ?? null,
    prefectureName: prefs.find((p) => p.id === row.prefectureId)?.name ?? '',
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    lastMessageAt: row.lastMessageAt.toISOString(),
    dueOn: row.dueOn,
    ruleId: row.ruleId,
    firstAnsweredAt: row.firstAnsweredAt ? row.firstAnsweredAt.toISOString() : null,
  }));
}

export async function summariseForStaff(db: Db, rows: readonly ThreadRow[], locale: Locale, now: Date): Promise<StaffThreadSummary[]> {
  const base = await summarise(db, rows, locale);
  if (rows.length === 0) return [];
  const people = await db
    .select({ id: users.id, displayName: users.displayName, surname: applicantProfiles.surname, givenNames: applicantProfiles.givenNames })
    .from(users)
    .leftJoin(applicantProfiles, eq(applicantProfiles.userId, users.id))
    .where(inArray(users.id, [...new Set(rows.flatMap((r) => [r.userId, ...(r.assignedTo ? [r.assignedTo] : [])]))]));
  const today = todayInParis(now);
  return rows.map((row, i) => {
    const applicant = people.find((p) => p.id === row.userId);
    const assignee = row.assignedTo ? people.find((p) => p.id === row.assignedTo) : undefined;
    return {
      ...(base[i] as ThreadSummary),
      applicantName: applicant ? (applicant.surname ? `${applicant.surname.toUpperCase()} ${applicant.givenNames ?? ''}`.trim() : applicant.displayName) : '',
      assignee: assignee ? { id: assignee.id, displayName: assignee.displayName } : null,
      escalated: row.escalatedAt !== null,
      overdue: row.status === 'awaiting_answer' && row.dueOn < today,
    };
  });
}

export async function messagesOf(db: Db, threadId: string): Promise<MessageBody[]> {
  const rows = await db.select().from(messages).where(eq(messages.threadId, threadId)).orderBy(asc(messages.createdAt), asc(messages.id));
  const files = await db.select().from(messageAttachments).where(eq(messageAttachments.threadId, threadId)).orderBy(asc(messageAttachments.createdAt));
  return rows.map((m) => ({
    id: m.id,
    author: m.author,
    body: m.body,
    createdAt: m.createdAt.toISOString(),
    attachments: files.filter((f) => f.messageId === m.id).map((f) => ({ id: f.id, filename: f.filename, mediaType: f.mediaType, sizeBytes: f.sizeBytes })),
  }));
}

export async function threadById(db: Db, id: string, where: { userId?: string; prefectureIds?: readonly string[] }, forUpdate = false): Promise<ThreadRow | undefined> {
  const conditions = [eq(messageThreads.id, id)];
  if (where.userId !== undefined) conditions.push(eq(messageThreads.userId, where.userId));
  if (where.prefectureIds !== undefined) {
    if (where.prefectureIds.length === 0) return undefined;
    conditions.push(inArray(messageThreads.prefectureId, [...where.prefectureIds]));
  }
  const query = db.select().from(messageThreads).where(and(...conditions));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

/**
 * The département whose préfecture receives the person's messages: the address of their latest
 * VLS-TS validation (as applications use), else the address of their profile.
 */
export async function residenceDepartementOf(db: Db, userId: string): Promise<string | undefined> {
  const fromValidation = await departementOf(db, userId);
  if (fromValidation) return fromValidation;
  const [profile] = await db.select({ code: applicantProfiles.departementCode }).from(applicantProfiles).where(eq(applicantProfiles.userId, userId));
  return profile?.code ?? undefined;
}
