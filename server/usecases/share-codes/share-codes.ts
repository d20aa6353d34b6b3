/**
 * Share codes: the holder creates a code for a purpose (work, housing, benefits, other), valid
 * 90 days and revocable; a verifier who has the code and the holder's birth date sees the current
 * status and nothing more. Only the code's SHA-256 is stored; every check is logged for the holder.
 *
 * Codes are 12 characters of Crockford base32 (60 bits) shown as `XXXX-XXXX-XXXX`: with the birth
 * date also required and verification rate-limited per IP, guessing one is out of reach. Unknown,
 * expired, revoked and wrong-birth-date answers are identical (no enumeration).
 */
import { isShareCodeFormat, normaliseShareCode } from '../../../contract/attestations';
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, gte, inArray, isNull, lte, ne } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { applicantProfiles, applications, attestations, permits, shareCodeChecks, shareCodes, type SharePurpose } from '../../db/schema/index';
import { AppError } from '../../http/problem';
import type { Caller } from '../applications/context';
import type { ShareCodeBody } from '../../../contract/attestations';
import type { VerifyResult } from '../../../contract/verify';
import { todayInParis } from '../../../domain/deadlines/index';
import { addDays, formatIsoDate, toEpochDay } from '../../../domain/calendar/epoch-day';
import { translate, type Locale } from '../../i18n/index';
import { holderName } from '../attestations/issue-attestation';
import { emptyResult } from '../attestations/verify-attestation';

export const SHARE_CODE_DAYS = 90;
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export interface ShareContext {
  db: Db;
  now: () => Date;
}

export function drawShareCode(): string {
  const bytes = randomBytes(12);
  let code = '';
  for (const byte of bytes) code += ALPHABET[byte & 31];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8, 12)}`;
}

function hashOf(code: string): string {
  return createHash('sha256').update(normaliseShareCode(code)).digest('hex');
}

type Row = typeof shareCodes.$inferSelect;

function present(row: Row, checks: { checkedAt: Date; outcome: string }[], today: string): ShareCodeBody {
  return {
    id: row.id,
    purpose: row.purpose,
    hint: row.hint,
    createdAt: row.createdAt.toISOString(),
    expiresOn: row.expiresOn,
    revoked: row.revokedAt !== null,
    active: row.revokedAt === null && row.expiresOn >= today,
    checks: checks.map((c) => ({ checkedAt: c.checkedAt.toISOString(), outcome: c.outcome as ShareCodeBody['checks'][number]['outcome'] })),
  };
}

function applicantOnly(caller: Caller): void {
  if (caller.role !== 'applicant') throw new AppError(403, 'forbidden');
}

export async function createShareCode(ctx: ShareContext, caller: Caller, input: { purpose: SharePurpose }): Promise<{ shareCode: ShareCodeBody; code: string }> {
  applicantOnly(caller);
  const now = ctx.now();
  const today = todayInParis(now);
  const code = drawShareCode();
  const [row] = await ctx.db
    .insert(shareCodes)
    .values({
      userId: caller.id,
      codeHash: hashOf(code),
      hint: code.slice(-4),
      purpose: input.purpose,
      createdAt: now,
      expiresOn: formatIsoDate(addDays(toEpochDay(today), SHARE_CODE_DAYS)),
    })
    .returning();
  if (!row) throw new Error('share code insert failed');
  return { shareCode: present(row, [], today), code };
}

export async function listShareCodes(ctx: ShareContext, caller: Caller): Promise<{ shareCodes: ShareCodeBody[] }> {
  applicantOnly(caller);
  const today = todayInParis(ctx.now());
  const rows = await ctx.db.select().from(shareCodes).where(eq(shareCodes.userId, caller.id)).orderBy(desc(shareCodes.createdAt));
  const checks = rows.length
    ? await ctx.db
        .select()
        .from(shareCodeChecks)
        .where(inArray(shareCodeChecks.shareCodeId, rows.map((r) => r.id)))
        .orderBy(desc(shareCodeChecks.checkedAt))
    : [];
  return { shareCodes: rows.map((row) => present(row, checks.filter((c) => c.shareCodeId === row.id), today)) };
}

export async function revokeShareCode(ctx: ShareContext, caller: Caller, id: string): Promise<ShareCodeBody> {
  applicantOnly(caller);
  const [row] = await ctx.db
    .update(shareCodes)
    .set({ revokedAt: ctx.now() })
    .where(and(eq(shareCodes.id, id), eq(shareCodes.userId, caller.id)))
    .returning();
  if (!row) throw new AppError(404, 'share_code_not_found');
  const { shareCodes: list } = await listShareCodes(ctx, caller);
  return list.find((c) => c.id === row.id) ?? present(row, [], todayInParis(ctx.now()));
}

const COVERING_KINDS = ['prolongation', 'favourable_decision', 'vls_ts_validation'] as const;

/** A verifier's check: the holder's current status, or `not_found` for every kind of mismatch. */
export async function checkShareCode(ctx: ShareContext, input: { shareCode: string; birthDate: string }, locale: Locale): Promise<VerifyResult> {
  const now = ctx.now();
  const today = todayInParis(now);
  const notFound = emptyResult('not_found', translate(locale, 'verify:results.not_found'));
  const normalised = normaliseShareCode(input.shareCode);
  if (!isShareCodeFormat(normalised)) return notFound;
  const [row] = await ctx.db.select().from(shareCodes).where(eq(shareCodes.codeHash, hashOf(normalised)));
  if (!row) return notFound;
  const [profile] = await ctx.db.select().from(applicantProfiles).where(eq(applicantProfiles.userId, row.userId));
  const outcome =
    row.revokedAt !== null ? 'revoked' : row.expiresOn < today ? 'expired' : !profile || profile.birthDate !== input.birthDate ? 'birth_date_mismatch' : 'shown';
  await ctx.db.insert(shareCodeChecks).values({ shareCodeId: row.id, checkedAt: now, outcome });
  if (outcome !== 'shown' || !profile) return notFound;

  const [application] = await ctx.db
    .select({ filedOn: applications.filedOn, filingStatus: applications.filingStatus, status: applications.status })
    .from(applications)
    .where(and(eq(applications.userId, row.userId), ne(applications.status, 'draft'), ne(applications.status, 'withdrawn')))
    .orderBy(desc(applications.submittedAt))
    .limit(1);
  const covering = await ctx.db
    .select({ kind: attestations.kind, validUntilOn: attestations.validUntilOn })
    .from(attestations)
    .where(and(eq(attestations.userId, row.userId), inArray(attestations.kind, [...COVERING_KINDS]), isNull(attestations.supersededAt)))
    .orderBy(desc(attestations.issuedAt));
  const current = covering.find((a) => a.validUntilOn !== null && a.validUntilOn >= today);
  const [declared] = await ctx.db
    .select({ kind: permits.kind, validUntil: permits.validUntilOn })
    .from(permits)
    .where(and(eq(permits.userId, row.userId), lte(permits.validFromOn, today), gte(permits.validUntilOn, today)))
    .orderBy(desc(permits.validUntilOn))
    .limit(1);
  return {
    ...emptyResult('valid', translate(locale, 'verify:share.shown')),
    share: {
      holderName: holderName(profile),
      purpose: row.purpose,
      application: application?.filedOn
        ? { filedOn: application.filedOn, filedInTime: application.filingStatus === 'in_time', status: application.status }
        : null,
      coveredBy: current ? { kind: current.kind, until: current.validUntilOn } : null,
      previousRightsContinue: current?.kind === 'prolongation',
      declaredPermit: declared ?? null,
      checkedOn: today,
    },
  };
}
