/**
 * The back-office work queue: the filed applications of the caller's préfectures, filtered,
 * searched (name prefix, reference, numéro d'étranger), sorted, a bounded page at a time, each row
 * with its legal clock from the deadline engine. Filters and sorts run on indexed columns
 * (docs/adr/0014-back-office-queue.md); the clock shown is recomputed by the engine for the page.
 * A page that shows case data is written to the audit log (one entry, the ids shown).
 */
import { and, asc, desc, eq, inArray, isNull, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { users } from '../../db/schema/users';
import { applicantProfiles, applications, caseFlags, documentRequests, permits, prefectures, vlsTsValidations } from '../../db/schema/index';
import { AppError } from '../../http/problem';
import type { ApplicationStatus } from '../../../domain/applications/types';
import { addDays, formatIsoDate, toEpochDay } from '../../../domain/calendar/epoch-day';
import { todayInParis } from '../../../domain/deadlines/index';
import { recordAuditEvent } from '../audit/record-audit-event';
import { legalClockOf, type LegalClock } from './legal-clock';
import { prefectureIdsOf, type Origin, type StaffCaller } from './staff-scope';

export const QUEUE_SORTS = ['filed_on', '-filed_on', 'tacit_refusal_on', '-tacit_refusal_on', 'reference'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];
export const OPEN_STATUSES = ['submitted', 'documents_requested', 'complete'] as const satisfies readonly ApplicationStatus[];
/** Deepest offset served: beyond it, narrow the filters (keeps every page an index range scan). */
export const MAX_QUEUE_OFFSET = 10_000;

export interface QueueQuery {
  prefectureId?: string | undefined;
  status?: readonly ApplicationStatus[] | undefined;
  cardType?: readonly string[] | undefined;
  /** Filed at least this many days ago. */
  waitingAtLeast?: number | undefined;
  /** Tacit refusal within this many days (or already past). */
  tacitWithin?: number | undefined;
  filing?: 'in_time' | 'late' | undefined;
  /** Only applications whose request for documents is past its due date. */
  overdue?: boolean | undefined;
  q?: string | undefined;
  /** `me`: assigned to the caller; `none`: to nobody. */
  assigned?: 'me' | 'none' | undefined;
  /** Only cases with a raised flag (docs/adr/0019-back-office-flags-and-dashboard.md). */
  flagged?: boolean | undefined;
  sort: QueueSort;
  limit: number;
  offset: number;
}

export interface QueueRow {
  id: string;
  reference: string;
  status: ApplicationStatus;
  cardType: string;
  filedOn: string;
  filingStatus: string;
  late: boolean;
  prefecture: { id: string; departementCode: string };
  applicant: { surname: string | null; givenNames: string | null; foreignerNumber: string | null };
  clock: Omit<LegalClock, 'dates'>;
  assignee: { id: string; name: string } | null;
  flags: string[];
}

export interface QueuePage {
  rows: QueueRow[];
  /** Pass as `offset` for the next page; null at the end. */
  nextOffset: number | null;
}

const REFERENCE = /^SEJ-\d{4}-[2-9A-Z]{1,6}$/i;
const FOREIGNER_NUMBER = /^\d{9,10}$/;

function likePrefix(text: string): string {
  return `${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function listQueue(
  deps: { db: Db; now: () => Date },
  caller: StaffCaller,
  query: QueueQuery,
  origin: Origin,
): Promise<QueuePage> {
  const { db } = deps;
  const now = deps.now();
  const today = todayInParis(now);
  const mine = await prefectureIdsOf(db, caller);
  if (query.prefectureId && !mine.includes(query.prefectureId)) throw new AppError(404, 'prefecture_not_found');
  const scope = query.prefectureId ? [query.prefectureId] : mine;
  if (scope.length === 0) return { rows: [], nextOffset: null };
  if (query.offset > MAX_QUEUE_OFFSET) throw new AppError(400, 'queue_offset_too_deep', { max: MAX_QUEUE_OFFSET });
  const todayDay = toEpochDay(today);

  const where: (SQL | undefined)[] = [
    inArray(applications.prefectureId, scope),
    sql`${applications.filedOn} is not null`,
    inArray(applications.status, [...(query.status && query.status.length > 0 ? query.status : OPEN_STATUSES)]),
  ];
  if (query.cardType && query.cardType.length > 0) where.push(inArray(applications.cardType, [...query.cardType] as never[]));
  if (query.waitingAtLeast !== undefined) where.push(lte(applications.filedOn, formatIsoDate(addDays(todayDay, -query.waitingAtLeast))));
  if (query.tacitWithin !== undefined) where.push(lte(applications.tacitRefusalOn, formatIsoDate(addDays(todayDay, query.tacitWithin))));
  if (query.filing === 'in_time') where.push(eq(applications.filingStatus, 'in_time'));
  if (query.filing === 'late') where.push(inArray(applications.filingStatus, ['late', 'very_late']));
  if (query.overdue) where.push(lt(applications.openRequestDueOn, today));
  if (query.assigned === 'me') where.push(eq(applications.assignedTo, caller.id));
  if (query.assigned === 'none') where.push(isNull(applications.assignedTo));
  if (query.flagged) {
    where.push(sql`exists (select 1 from ${caseFlags} where ${caseFlags.applicationId} = ${applications.id} and ${caseFlags.clearedOn} is null)`);
  }
  const q = query.q?.trim();
  if (q) {
    if (REFERENCE.test(q)) {
      where.push(eq(applications.reference, q.toUpperCase()));
    } else if (FOREIGNER_NUMBER.test(q)) {
      where.push(sql`${applications.userId} in (select ${permits.userId} from ${permits} where ${permits.foreignerNumber} = ${q}
        union select ${vlsTsValidations.userId} from ${vlsTsValidations} where ${vlsTsValidations.foreignerNumber} = ${q})`);
    } else {
      const pattern = likePrefix(q);
      // The names copied on the application (legal-clock.ts): a range of the préfecture's index.
      where.push(sql`(${applications.searchSurname} like ${pattern} or ${applications.searchGivenNames} like ${pattern})`);
    }
  }
  const order = {
    filed_on: [asc(applications.filedOn), asc(applications.id)],
    '-filed_on': [desc(applications.filedOn), desc(applications.id)],
    tacit_refusal_on: [sql`${applications.tacitRefusalOn} asc nulls last`, asc(applications.id)],
    '-tacit_refusal_on': [sql`${applications.tacitRefusalOn} desc nulls last`, desc(applications.id)],
    reference: [asc(applications.reference)],
  }[query.sort];

  const found = await db
    .select({
      application: applications,
      permit: permits,
      departementCode: prefectures.departementCode,
      surname: applicantProfiles.surname,
      givenNames: applicantProfiles.givenNames,
      validatedOn: vlsTsValidations.validatedOn,
      validationNumber: vlsTsValidations.foreignerNumber,
    })
    .from(applications)
    .innerJoin(permits, eq(permits.id, applications.permitId))
    .innerJoin(prefectures, eq(prefectures.id, applications.prefectureId))
    .leftJoin(applicantProfiles, eq(applicantProfiles.userId, applications.userId))
    .leftJoin(vlsTsValidations, eq(vlsTsValidations.permitId, permits.id))
    .where(and(...where))
    .orderBy(...order)
    .limit(query.limit + 1)
    .offset(query.offset);
  const page = found.slice(0, query.limit);
  const ids = page.map((row) => row.application.id);
  const requests = ids.length
    ? await db
        .select()
        .from(documentRequests)
        .where(inArray(documentRequests.applicationId, ids))
    : [];

  const flagRows = ids.length
    ? await db
        .select({ applicationId: caseFlags.applicationId, kind: caseFlags.kind })
        .from(caseFlags)
        .where(and(inArray(caseFlags.applicationId, ids), isNull(caseFlags.clearedOn)))
    : [];
  const assigneeIds = [...new Set(page.map((row) => row.application.assignedTo).filter((id): id is string => id !== null))];
  const assignees = assigneeIds.length ? await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, assigneeIds)) : [];

  const rows: QueueRow[] = page.map(({ application, permit, departementCode, surname, givenNames, validatedOn, validationNumber }) => {
    const { dates: _dates, ...clock } = legalClockOf(
      {
        filedOn: application.filedOn ?? today,
        completeOn: application.completeOn,
        departementCode,
        permit: { ...permit, validatedOn: validatedOn ?? permit.validatedOn },
        requests: requests.filter((r) => r.applicationId === application.id),
      },
      today,
    );
    return {
      id: application.id,
      reference: application.reference ?? '',
      status: application.status,
      cardType: application.cardType,
      filedOn: application.filedOn ?? '',
      filingStatus: application.filingStatus ?? 'in_time',
      late: application.late,
      prefecture: { id: application.prefectureId, departementCode },
      applicant: { surname: surname ?? null, givenNames: givenNames ?? null, foreignerNumber: permit.foreignerNumber ?? validationNumber ?? null },
      clock,
      assignee: application.assignedTo ? (assignees.find((a) => a.id === application.assignedTo) ?? { id: application.assignedTo, name: '' }) : null,
      flags: flagRows.filter((f) => f.applicationId === application.id).map((f) => f.kind).sort(),
    };
  });

  if (rows.length > 0) {
    await recordAuditEvent(db, {
      actor: caller,
      action: 'queue.read',
      object: { type: 'application_queue', id: query.prefectureId ?? scope.join(',').slice(0, 64) },
      prefectureId: scope.length === 1 ? (scope[0] ?? null) : null,
      origin,
      details: { applicationIds: ids, query: { ...query } },
      at: now,
    });
  }
  return { rows, nextOffset: found.length > query.limit ? query.offset + query.limit : null };
}
