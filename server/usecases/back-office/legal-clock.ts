/**
 * The legal clock of one filed application, from the deadline engine (domain/deadlines): days
 * since filing, the day silence becomes an implicit rejection with its rule, and
 * whether the applicant's current document lapses soon. The tacit-refusal date and the open
 * request's due date are also stored on the application row so that the back-office queue can
 * filter and sort a million rows by index (docs/adr/0014-back-office-queue.md): every use case
 * that changes what the engine reads (filing, a request for documents, its answer, completeness)
 * calls `refreshLegalClock` in its own transaction.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { applicantProfiles, applications, documentRequests, permits, prefectures, vlsTsValidations } from '../../db/schema/index';
import { computeDeadlines, type DeadlineInput, type DeadlineResult, type LegalDate } from '../../../domain/deadlines/index';
import { daysBetween, toEpochDay } from '../../../domain/calendar/epoch-day';

/** A document ending within this many days "lapses soon" (issue 5: the daily job's 15 days). */
export const LAPSE_WARNING_DAYS = 15;

export interface ClockFacts {
  filedOn: string;
  completeOn: string | null;
  departementCode: string;
  permit: {
    kind: (typeof permits.$inferSelect)['kind'];
    cardType: (typeof permits.$inferSelect)['cardType'];
    validFromOn: string;
    validUntilOn: string;
    enteredFranceOn: string | null;
    validatedOn: string | null;
  };
  requests: readonly { requestedOn: string; dueOn: string; answeredOn: string | null }[];
  decision?: { kind: 'favourable' | 'refusal'; notifiedOn: string } | undefined;
}

export interface LegalClock {
  daysSinceFiling: number;
  tacitRefusal: { on: string; ruleId: string; citation: string; daysLeft: number } | null;
  currentDocument: { kind: string; until: string | null; covered: boolean; ruleId: string; lapsesSoon: boolean };
  openRequestDueOn: string | null;
  overdue: boolean;
  dates: readonly LegalDate[];
}

export function deadlineInputOf(facts: ClockFacts, today: string): DeadlineInput {
  return {
    permit: { kind: facts.permit.kind, cardType: facts.permit.cardType, validFrom: facts.permit.validFromOn, validUntil: facts.permit.validUntilOn },
    ...(facts.permit.enteredFranceOn ? { enteredFranceOn: facts.permit.enteredFranceOn } : {}),
    ...(facts.permit.validatedOn ? { vlsTsValidatedOn: facts.permit.validatedOn } : {}),
    department: facts.departementCode,
    application: {
      filedOn: facts.filedOn,
      ...(facts.completeOn ? { completeOn: facts.completeOn } : {}),
      documentRequests: facts.requests.map((r) => ({ requestedOn: r.requestedOn, dueOn: r.dueOn, ...(r.answeredOn ? { answeredOn: r.answeredOn } : {}) })),
      ...(facts.decision ? { decision: facts.decision } : {}),
    },
    today,
  };
}

/** The engine's result, or null when the facts are outside what it accepts (shown as "no date"). */
export function engineResult(facts: ClockFacts, today: string): DeadlineResult | null {
  try {
    return computeDeadlines(deadlineInputOf(facts, today));
  } catch {
    return null;
  }
}

export function legalClockOf(facts: ClockFacts, today: string): LegalClock {
  const result = engineResult(facts, today);
  const todayDay = toEpochDay(today);
  const tacit = result?.dates.find((d) => d.id === 'tacit_refusal_on');
  const open = facts.requests.find((r) => r.answeredOn === null);
  const coverage = result?.today;
  const until = coverage?.until ?? (coverage ? null : facts.permit.validUntilOn);
  const covered = coverage?.covered ?? toEpochDay(facts.permit.validUntilOn) >= todayDay;
  return {
    daysSinceFiling: daysBetween(toEpochDay(facts.filedOn), todayDay),
    tacitRefusal: tacit ? { on: tacit.on, ruleId: tacit.ruleId, citation: tacit.citation, daysLeft: daysBetween(todayDay, toEpochDay(tacit.on)) } : null,
    currentDocument: {
      kind: coverage?.document ?? 'permit',
      until,
      covered,
      ruleId: coverage?.ruleId ?? 'R-00',
      lapsesSoon: !covered || (until !== null && daysBetween(todayDay, toEpochDay(until)) <= LAPSE_WARNING_DAYS),
    },
    openRequestDueOn: open?.dueOn ?? null,
    overdue: open !== undefined && toEpochDay(open.dueOn) < todayDay,
    dates: result?.dates ?? [],
  };
}

/** Reads what the engine needs for one application (inside the caller's transaction). */
export async function clockFactsOf(tx: Db, applicationId: string): Promise<ClockFacts | null> {
  const [row] = await tx
    .select({ application: applications, permit: permits, departementCode: prefectures.departementCode, validatedOn: vlsTsValidations.validatedOn })
    .from(applications)
    .innerJoin(permits, eq(permits.id, applications.permitId))
    .innerJoin(prefectures, eq(prefectures.id, applications.prefectureId))
    .leftJoin(vlsTsValidations, eq(vlsTsValidations.permitId, permits.id))
    .where(eq(applications.id, applicationId));
  if (!row?.application.filedOn) return null;
  const requests = await tx
    .select({ requestedOn: documentRequests.requestedOn, dueOn: documentRequests.dueOn, answeredOn: documentRequests.answeredOn })
    .from(documentRequests)
    .where(eq(documentRequests.applicationId, applicationId));
  const status = row.application.status;
  const decision =
    row.application.decidedOn && (status === 'decided_favourable' || status === 'refused')
      ? { kind: status === 'refused' ? ('refusal' as const) : ('favourable' as const), notifiedOn: row.application.decidedOn }
      : undefined;
  return {
    filedOn: row.application.filedOn,
    completeOn: row.application.completeOn,
    departementCode: row.departementCode,
    permit: { ...row.permit, validatedOn: row.validatedOn ?? row.permit.validatedOn },
    requests,
    decision,
  };
}

/** Recomputes and stores the queue's copy of the clock (tacit-refusal date and rule, open request due). */
export async function refreshLegalClock(tx: Db, applicationId: string, today: string): Promise<void> {
  const facts = await clockFactsOf(tx, applicationId);
  if (!facts) return;
  const clock = legalClockOf(facts, today);
  const [names] = await tx
    .select({ surname: applicantProfiles.surname, givenNames: applicantProfiles.givenNames })
    .from(applications)
    .innerJoin(applicantProfiles, eq(applicantProfiles.userId, applications.userId))
    .where(eq(applications.id, applicationId));
  await tx
    .update(applications)
    .set({
      tacitRefusalOn: clock.tacitRefusal?.on ?? null,
      tacitRefusalRule: clock.tacitRefusal?.ruleId ?? null,
      openRequestDueOn: clock.openRequestDueOn,
      ...searchNames(names),
    })
    .where(eq(applications.id, applicationId));
}

/** The lower-cased names the queue searches (a prefix of either). */
export function searchNames(names: { surname: string; givenNames: string } | undefined): { searchSurname: string | null; searchGivenNames: string | null } {
  return { searchSurname: names ? names.surname.toLowerCase() : null, searchGivenNames: names ? names.givenNames.toLowerCase() : null };
}

/** After a profile change: the queue's copy of the names on every filed application of the person. */
export async function refreshSearchNames(tx: Db, userId: string, names: { surname: string; givenNames: string }): Promise<void> {
  await tx.update(applications).set(searchNames(names)).where(eq(applications.userId, userId));
}
