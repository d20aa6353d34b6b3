/**
 * The supervisor's dashboard for one of their préfectures (docs/adr/0019-back-office-flags-and-dashboard.md):
 * the backlog by status, the processing time from filing to decision over the last 90 days (median
 * and 90th percentile, nearest-rank as in the public statistics), the flagged cases, the held-back
 * attestations de prolongation with their reasons, and the supervisor's own flag notices.
 * Another préfecture (or one not theirs) is 404. Written to the audit log.
 */
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { applications, caseFlags, notifications, postalMail, users } from '../../db/schema/index';
import { AppError } from '../../http/problem';
import type { Locale } from '../../i18n/index';
import { addDays, formatIsoDate, toEpochDay } from '../../../domain/calendar/epoch-day';
import { todayInParis } from '../../../domain/deadlines/index';
import { median, percentile90 } from '../../../domain/statistics/figures';
import { OPEN_FILED_STATUSES } from '../../../domain/applications/types';
import { recordAuditEvent } from '../audit/record-audit-event';
import { notificationTitle } from '../reminders/send-reminder';
import { prefectureIdsOf, type Origin, type StaffCaller } from './staff-scope';

export const DASHBOARD_WINDOW_DAYS = 90;
const LIST_LIMIT = 200;

export async function getDashboard(deps: { db: Db; now: () => Date }, caller: StaffCaller, prefectureId: string, origin: Origin, locale: Locale) {
  const { db } = deps;
  const now = deps.now();
  const today = todayInParis(now);
  const mine = await prefectureIdsOf(db, caller);
  if (!mine.includes(prefectureId)) throw new AppError(404, 'prefecture_not_found');

  const backlogRows = await db
    .select({ status: applications.status, count: sql<number>`count(*)::int` })
    .from(applications)
    .where(and(eq(applications.prefectureId, prefectureId), inArray(applications.status, [...OPEN_FILED_STATUSES])))
    .groupBy(applications.status);
  const backlog = OPEN_FILED_STATUSES.map((status) => ({ status, count: Number(backlogRows.find((r) => r.status === status)?.count ?? 0) }));

  const since = formatIsoDate(addDays(toEpochDay(today), -DASHBOARD_WINDOW_DAYS));
  const decided = await db
    .select({ days: sql<number>`(${applications.decidedOn} - ${applications.filedOn})::int` })
    .from(applications)
    .where(
      and(
        eq(applications.prefectureId, prefectureId),
        inArray(applications.status, ['decided_favourable', 'refused']),
        isNotNull(applications.filedOn),
        gte(applications.decidedOn, since),
        lte(applications.decidedOn, today),
      ),
    );
  const days = decided.map((row) => Number(row.days));

  const flagged = await db
    .select({ applicationId: caseFlags.applicationId, reference: applications.reference, kind: caseFlags.kind, raisedOn: caseFlags.raisedOn, aboutOn: caseFlags.aboutOn })
    .from(caseFlags)
    .innerJoin(applications, eq(applications.id, caseFlags.applicationId))
    .where(and(eq(caseFlags.prefectureId, prefectureId), isNull(caseFlags.clearedOn)))
    .orderBy(asc(caseFlags.aboutOn), asc(caseFlags.applicationId))
    .limit(LIST_LIMIT);

  const blocked = await db
    .select({
      applicationId: applications.id,
      reference: applications.reference,
      reason: applications.prolongationBlockReason,
      blockedAt: applications.prolongationBlockedAt,
      blockedBy: users.displayName,
    })
    .from(applications)
    .leftJoin(users, eq(users.id, applications.prolongationBlockedBy))
    .where(and(eq(applications.prefectureId, prefectureId), isNotNull(applications.prolongationBlockedAt), inArray(applications.status, [...OPEN_FILED_STATUSES])))
    .orderBy(asc(applications.prolongationBlockedAt))
    .limit(LIST_LIMIT);

  const notices = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, caller.id), eq(notifications.kind, 'case_flag')))
    .orderBy(desc(notifications.createdAt))
    .limit(20);

  // Letters to people without email nobody has posted yet (ADR 0020): a desk falling behind shows here.
  const [letters] = await db
    .select({ toPost: sql<number>`count(*)::int`, oldest: sql<string | null>`min(${postalMail.createdAt})` })
    .from(postalMail)
    .where(and(eq(postalMail.prefectureId, prefectureId), isNull(postalMail.postedAt)));

  await recordAuditEvent(db, {
    actor: caller,
    action: 'dashboard.read',
    object: { type: 'prefecture', id: prefectureId },
    prefectureId,
    origin,
    details: { flagged: flagged.length, blocked: blocked.length },
    at: now,
  });

  return {
    prefectureId,
    today,
    backlog,
    processing: { windowDays: DASHBOARD_WINDOW_DAYS, decisions: days.length, medianDays: median(days), p90Days: percentile90(days) },
    flagged: flagged.map((f) => ({ ...f, reference: f.reference ?? '' })),
    blockedProlongations: blocked.map((b) => ({
      applicationId: b.applicationId,
      reference: b.reference ?? '',
      reason: b.reason ?? '',
      blockedAt: (b.blockedAt ?? now).toISOString(),
      blockedBy: b.blockedBy ?? null,
    })),
    notices: notices.map((n) => ({
      id: n.id,
      title: notificationTitle(n.kind, n.params, locale),
      applicationId: n.params.applicationId ?? null,
      createdAt: n.createdAt.toISOString(),
      read: n.readAt !== null,
    })),
    postalMail: { toPost: Number(letters?.toPost ?? 0), oldestCreatedAt: letters?.oldest ? new Date(letters.oldest).toISOString() : null },
  };
}
