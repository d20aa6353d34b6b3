/**
 * The applicant saves their identity and address (PUT: the whole profile). Checks beyond the
 * schema: a real birth date, not in the future nor more than 130 years ago; a known département
 * that the postal code belongs to. Once the person has filed an application, each changed field
 * is appended to `profile_changes` (old and new value, reason, who) in the same transaction.
 */
import { refreshSearchNames } from '../back-office/legal-clock';
import { eq } from 'drizzle-orm';
import { applicantProfiles, departements, profileChanges, type ProfileField } from '../../db/schema/index';
import { AppError } from '../../http/problem';
import { addDays, parseIsoDate, toEpochDay } from '../../../domain/calendar/epoch-day';
import { todayInParis } from '../../../domain/deadlines/index';
import { NATIONALITY_PATTERN, type ProfileResponseBody, type PutProfileBody } from '../../../contract/profile';
import { departementOfPostalCode } from '../../../contract/postal-codes';
import type { Db } from '../../db/client';
import type { Caller, ProfileContext } from './context';
import { getProfile, hasFiled, type ProfileRow } from './get-profile';

/** Oldest birth date accepted, in days before today (about 130 years). */
const OLDEST_BIRTH_DAYS = 130 * 366;

type FieldIssue = { in: 'body'; field: string; code: string; params?: Record<string, string | number> };

function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** What the schema cannot check of an identity and address (400 `validation_failed` with these field issues). */
export async function profileIssues(db: Db, body: Pick<PutProfileBody, 'nationality' | 'birthDate' | 'address'>, today: string): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];

  if (!new RegExp(NATIONALITY_PATTERN).test(body.nationality)) issues.push({ in: 'body', field: 'nationality', code: 'nationality_code' });
  const birth = parseIsoDate(body.birthDate);
  if (birth === undefined) issues.push({ in: 'body', field: 'birthDate', code: 'birth_date_invalid' });
  else if (birth > toEpochDay(today)) issues.push({ in: 'body', field: 'birthDate', code: 'birth_date_in_future' });
  else if (birth < addDays(toEpochDay(today), -OLDEST_BIRTH_DAYS)) issues.push({ in: 'body', field: 'birthDate', code: 'birth_date_too_old' });

  const address = body.address ?? null;
  if (address) {
    const [known] = await db.select({ code: departements.code }).from(departements).where(eq(departements.code, address.departement));
    if (!known) issues.push({ in: 'body', field: 'address.departement', code: 'departement_unknown' });
    else if (!departementOfPostalCode(address.postalCode).includes(address.departement)) {
      issues.push({ in: 'body', field: 'address.postalCode', code: 'postal_code_departement', params: { departement: address.departement } });
    }
  }
  return issues;
}

export async function updateProfile(ctx: ProfileContext, caller: Caller, body: PutProfileBody): Promise<ProfileResponseBody> {
  const now = ctx.now();
  const today = todayInParis(now);
  const issues = await profileIssues(ctx.db, body, today);
  if (issues.length > 0) throw new AppError(400, 'validation_failed', {}, issues);
  const address = body.address ?? null;

  const values: Record<ProfileField, string | null> = {
    surname: body.surname.trim(),
    givenNames: body.givenNames.trim(),
    birthDate: body.birthDate,
    birthPlace: blankToNull(body.birthPlace),
    nationality: body.nationality,
    addressLine1: address ? address.line1.trim() : null,
    addressLine2: address ? blankToNull(address.line2) : null,
    postalCode: address ? address.postalCode : null,
    city: address ? address.city.trim() : null,
    departementCode: address ? address.departement : null,
  };
  const reason = blankToNull(body.reason);

  await ctx.db.transaction(async (tx) => {
    const record = { ...values, surname: values.surname!, givenNames: values.givenNames!, birthDate: values.birthDate!, nationality: values.nationality! };
    let [current]: (ProfileRow | undefined)[] = await tx.select().from(applicantProfiles).where(eq(applicantProfiles.userId, caller.id)).for('update');
    if (!current) {
      const inserted = await tx
        .insert(applicantProfiles)
        .values({ userId: caller.id, ...record, createdAt: now, updatedAt: now })
        .onConflictDoNothing()
        .returning();
      if (inserted.length === 0) {
        // Another request created it a moment ago: treat this one as a change of that profile.
        [current] = await tx.select().from(applicantProfiles).where(eq(applicantProfiles.userId, caller.id)).for('update');
      }
    }
    const changed = (Object.keys(values) as ProfileField[]).filter((field) => (current ? (current[field] ?? null) !== values[field] : values[field] !== null));
    if (current && changed.length > 0) {
      await tx.update(applicantProfiles).set({ ...record, updatedAt: now }).where(eq(applicantProfiles.userId, caller.id));
      if (changed.includes('surname') || changed.includes('givenNames')) await refreshSearchNames(tx, caller.id, record);
    }
    if (changed.length > 0 && (await hasFiled(tx, caller.id))) {
      await tx.insert(profileChanges).values(
        changed.map((field) => ({
          userId: caller.id,
          field,
          oldValue: current ? (current[field] ?? null) : null,
          newValue: values[field],
          reason,
          actorUserId: caller.id,
          actorKind: 'applicant' as const,
          changedAt: now,
        })),
      );
    }
  });
  return getProfile(ctx, caller);
}
