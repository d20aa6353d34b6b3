/**
 * The help desk's substitution route (docs/adr/0020-help-desk-substitution.md): an agent registers
 * a person who cannot use the online service, finds them again, and acts for them through the
 * applicant's own use cases.
 *
 * - A person registered at a desk has an account without email and without password: nobody can
 *   sign in as them. They belong to the desk's préfecture: its agents (and no one else) act for
 *   them; any other agent gets 404, as for a case of another préfecture.
 * - Their address must be in the desk's département: the applications filed for them go to the
 *   préfecture whose desk registered them, so that its agents see them in their queue.
 * - Every registration, read and act is written to the audit log (who, when, what, from where).
 */
import { and, desc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { AssistedPersonBody, AssistedPersonSummary, RegisterPersonBody } from '../../../contract/help-desk';
import { todayInParis } from '../../../domain/calendar/today-in-paris';
import type { Db } from '../../db/client';
import { applicantProfiles, applications, assistedPeople, prefectures, users } from '../../db/schema/index';
import { AppError } from '../../http/problem';
import type { Viewer } from '../../policies/applications';
import { recordAuditEvent } from '../audit/record-audit-event';
import { prefectureIdsOf, type Origin, type StaffCaller } from '../back-office/staff-scope';
import { profileIssues } from '../profile/update-profile';
import { presentProfile } from '../profile/get-profile';
import { channelsOf } from '../reminders/recompute-reminders';

export interface HelpDeskContext {
  db: Db;
  now: () => Date;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Application references look like `SJ-2026-…`; anything with a digit and a dash is tried as one. */
const REFERENCE_LIKE = /^[A-Z]{2,}-[\dA-Z-]+$/i;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

export async function registerPerson(ctx: HelpDeskContext, caller: StaffCaller, body: RegisterPersonBody, origin: Origin): Promise<AssistedPersonBody> {
  const now = ctx.now();
  const mine = await prefectureIdsOf(ctx.db, caller);
  const prefectureId = body.prefectureId ?? (mine.length === 1 ? mine[0] : undefined);
  if (prefectureId === undefined) throw new AppError(422, 'validation_failed', {}, [{ in: 'body', field: 'prefectureId', code: 'required' }]);
  if (!mine.includes(prefectureId)) throw new AppError(422, 'validation_failed', {}, [{ in: 'body', field: 'prefectureId', code: 'prefecture_not_yours' }]);

  const issues = await profileIssues(ctx.db, body, todayInParis(now));
  const [desk] = await ctx.db.select({ departementCode: prefectures.departementCode }).from(prefectures).where(eq(prefectures.id, prefectureId));
  if (issues.length === 0 && desk && desk.departementCode !== body.address.departement) {
    issues.push({ in: 'body', field: 'address.departement', code: 'address_outside_prefecture', params: { departement: desk.departementCode } });
  }
  if (issues.length > 0) throw new AppError(400, 'validation_failed', {}, issues);

  const surname = body.surname.trim();
  const givenNames = body.givenNames.trim();
  const personId = await ctx.db.transaction(async (tx) => {
    // The same person registered twice at one desk would split their file: point to the first one.
    const [twin] = await tx
      .select({ id: assistedPeople.userId })
      .from(assistedPeople)
      .innerJoin(applicantProfiles, eq(applicantProfiles.userId, assistedPeople.userId))
      .where(
        and(
          eq(assistedPeople.prefectureId, prefectureId),
          eq(applicantProfiles.birthDate, body.birthDate),
          sql`lower(${applicantProfiles.surname}) = lower(${surname})`,
          sql`lower(${applicantProfiles.givenNames}) = lower(${givenNames})`,
        ),
      )
      .limit(1);
    if (twin) throw new AppError(409, 'person_already_registered', {}, [], { location: `/api/v1/staff/help-desk/people/${twin.id}` });

    const [user] = await tx
      .insert(users)
      .values({ email: null, displayName: `${givenNames} ${surname}`, role: 'applicant', passwordHash: null, locale: body.locale, phone: body.phone ?? null, emailVerifiedAt: null, createdAt: now })
      .returning({ id: users.id });
    if (!user) throw new Error('user insert failed');
    await tx.insert(applicantProfiles).values({
      userId: user.id,
      surname,
      givenNames,
      birthDate: body.birthDate,
      birthPlace: blankToNull(body.birthPlace),
      nationality: body.nationality,
      addressLine1: body.address.line1.trim(),
      addressLine2: blankToNull(body.address.line2),
      postalCode: body.address.postalCode,
      city: body.address.city.trim(),
      departementCode: body.address.departement,
      createdAt: now,
      updatedAt: now,
    });
    await tx.insert(assistedPeople).values({ userId: user.id, prefectureId, reason: body.reason, registeredBy: caller.id, registeredAt: now });
    await recordAuditEvent(tx, {
      actor: caller,
      action: 'helpDesk.register',
      object: { type: 'person', id: user.id },
      prefectureId,
      origin,
      details: { reason: body.reason, phone: body.phone ? 'given' : 'none' },
      at: now,
    });
    return user.id;
  });
  return presentPerson(ctx.db, personId);
}

/** The person if a desk of one of the caller's préfectures registered them; else 404. */
export async function loadAssisted(db: Db, caller: StaffCaller, personId: string): Promise<{ prefectureId: string }> {
  const mine = await prefectureIdsOf(db, caller);
  const [row] =
    mine.length === 0
      ? []
      : await db
          .select({ prefectureId: assistedPeople.prefectureId })
          .from(assistedPeople)
          .where(and(eq(assistedPeople.userId, personId), inArray(assistedPeople.prefectureId, mine)));
  if (!row) throw new AppError(404, 'person_not_found');
  return row;
}

/** The person as the desk sees them (no audit entry: the caller's own act is audited). */
export async function presentPerson(db: Db, personId: string): Promise<AssistedPersonBody> {
  const [row] = await db
    .select({ user: users, profile: applicantProfiles, desk: assistedPeople })
    .from(users)
    .innerJoin(applicantProfiles, eq(applicantProfiles.userId, users.id))
    .innerJoin(assistedPeople, eq(assistedPeople.userId, users.id))
    .where(eq(users.id, personId));
  if (!row) throw new AppError(404, 'person_not_found');
  const { user, profile, desk } = row;
  const channels = await channelsOf(db, personId);
  return {
    id: user.id,
    profile: presentProfile(profile),
    phone: user.phone,
    email: user.email,
    locale: user.locale === 'en' ? 'en' : 'fr',
    reason: desk.reason,
    prefectureId: desk.prefectureId,
    registeredAt: desk.registeredAt.toISOString(),
    channels,
  };
}

export async function getPerson(ctx: HelpDeskContext, caller: StaffCaller, personId: string, origin: Origin): Promise<AssistedPersonBody> {
  const { prefectureId } = await loadAssisted(ctx.db, caller, personId);
  await recordAuditEvent(ctx.db, { actor: caller, action: 'helpDesk.read', object: { type: 'person', id: personId }, prefectureId, origin, at: ctx.now() });
  return presentPerson(ctx.db, personId);
}

/** The people registered at the caller's préfectures' desks, newest first; `q` matches a name, a birth date or a reference. */
export async function listPeople(ctx: HelpDeskContext, caller: StaffCaller, q: string | undefined): Promise<AssistedPersonSummary[]> {
  const mine = await prefectureIdsOf(ctx.db, caller);
  if (mine.length === 0) return [];
  const term = q?.trim() ?? '';
  const conditions = [inArray(assistedPeople.prefectureId, mine)];
  if (term !== '') {
    if (ISO_DATE.test(term)) conditions.push(eq(applicantProfiles.birthDate, term));
    else if (REFERENCE_LIKE.test(term) && /\d/.test(term)) {
      conditions.push(inArray(assistedPeople.userId, ctx.db.select({ id: applications.userId }).from(applications).where(eq(applications.reference, term.toUpperCase()))));
    } else {
      const pattern = `%${escapeLike(term)}%`;
      const byName = or(ilike(applicantProfiles.surname, pattern), ilike(applicantProfiles.givenNames, pattern));
      if (byName) conditions.push(byName);
    }
  }
  const rows = await ctx.db
    .select({ desk: assistedPeople, profile: { surname: applicantProfiles.surname, givenNames: applicantProfiles.givenNames, birthDate: applicantProfiles.birthDate } })
    .from(assistedPeople)
    .innerJoin(applicantProfiles, eq(applicantProfiles.userId, assistedPeople.userId))
    .where(and(...conditions))
    .orderBy(desc(assistedPeople.registeredAt))
    .limit(50);
  const ids = rows.map((row) => row.desk.userId);
  const references = new Map<string, string>();
  if (ids.length > 0) {
    const filed = await ctx.db
      .select({ userId: applications.userId, reference: applications.reference })
      .from(applications)
      .where(and(inArray(applications.userId, ids), sql`${applications.reference} is not null`))
      .orderBy(desc(applications.createdAt));
    for (const row of filed) if (row.reference && !references.has(row.userId)) references.set(row.userId, row.reference);
  }
  return rows.map(({ desk, profile }) => ({
    id: desk.userId,
    surname: profile.surname,
    givenNames: profile.givenNames,
    birthDate: profile.birthDate,
    reference: references.get(desk.userId) ?? null,
    registeredAt: desk.registeredAt.toISOString(),
    prefectureId: desk.prefectureId,
  }));
}

/**
 * The viewer an agent uses to act for the person at the desk: the applicant's own use cases then
 * apply their ownership checks to the person, and the history records `help_desk` with the agent.
 * The access is audited before the act (what was asked, by whom, from where).
 */
export async function actAtHelpDesk(ctx: HelpDeskContext, caller: StaffCaller, personId: string, origin: Origin, act: { method: string; route: string }): Promise<Viewer> {
  const { prefectureId } = await loadAssisted(ctx.db, caller, personId);
  await recordAuditEvent(ctx.db, {
    actor: caller,
    action: act.method === 'GET' ? 'helpDesk.read' : 'helpDesk.act',
    object: { type: 'person', id: personId },
    prefectureId,
    origin,
    details: { method: act.method, route: act.route },
    at: ctx.now(),
  });
  return { id: personId, role: 'applicant', helpDesk: { agentUserId: caller.id, prefectureId } };
}
