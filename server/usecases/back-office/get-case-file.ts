/**
 * The case file an agent opens: the applicant's identity, their permit history, the documents,
 * the open and past requests for documents, the attestations, the full history, and every date of
 * the deadline engine with its rule and explanation. Written to the audit log before it is shown.
 */
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  applicantProfiles,
  applicationDocuments,
  applicationEvents,
  attestations,
  caseFlags,
  documentRequests,
  permits,
  prefectures,
  reminders,
  messageThreads,
  users,
} from '../../db/schema/index';
import { colleaguesOf } from './assign-case';
import { isAllowed } from '../../../domain/applications/state-machine';
import { toEpochDay } from '../../../domain/calendar/epoch-day';
import { todayInParis } from '../../../domain/deadlines/index';
import { recordAuditEvent } from '../audit/record-audit-event';
import { clockFactsOf, legalClockOf } from './legal-clock';
import { loadStaffApplication, type Origin, type StaffCaller } from './staff-scope';

export const AGENT_EVENTS = ['requestDocuments', 'declareComplete', 'decideFavourably', 'refuse'] as const;

export async function getCaseFile(deps: { db: Db; now: () => Date }, caller: StaffCaller, applicationId: string, origin: Origin, locale: 'fr' | 'en' = 'fr') {
  const { db } = deps;
  const now = deps.now();
  const today = todayInParis(now);
  const application = await loadStaffApplication(db, caller, applicationId);
  await recordAuditEvent(db, {
    actor: caller,
    action: 'case.read',
    object: { type: 'application', id: application.id },
    prefectureId: application.prefectureId,
    origin,
    at: now,
  });
  const [prefecture] = await db.select().from(prefectures).where(eq(prefectures.id, application.prefectureId));
  const [person] = await db
    .select({ email: users.email, phone: users.phone, profile: applicantProfiles })
    .from(users)
    .leftJoin(applicantProfiles, eq(applicantProfiles.userId, users.id))
    .where(eq(users.id, application.userId));
  const permitRows = await db.select().from(permits).where(eq(permits.userId, application.userId)).orderBy(asc(permits.validFromOn));
  const documents = await db
    .select()
    .from(applicationDocuments)
    .where(eq(applicationDocuments.applicationId, application.id))
    .orderBy(asc(applicationDocuments.uploadedAt));
  const requests = await db.select().from(documentRequests).where(eq(documentRequests.applicationId, application.id)).orderBy(asc(documentRequests.createdAt));
  const history = await db
    .select({ event: applicationEvents, actorName: users.displayName })
    .from(applicationEvents)
    .leftJoin(users, eq(users.id, applicationEvents.actorUserId))
    .where(eq(applicationEvents.applicationId, application.id))
    .orderBy(asc(applicationEvents.sequence));
  const documentsIssued = await db.select().from(attestations).where(eq(attestations.applicationId, application.id)).orderBy(asc(attestations.issuedAt));
  // Reminders that could not reach the person (issue 7): the préfecture sees them with the case.
  const failedDeliveries = await db
    .select({ kind: reminders.kind, channel: reminders.channel, dueOn: reminders.dueOn, attempts: reminders.attempts })
    .from(reminders)
    .where(and(eq(reminders.userId, application.userId), eq(reminders.status, 'failed')))
    .orderBy(desc(reminders.dueOn))
    .limit(20);
  const threads = await db
    .select({ id: messageThreads.id, reference: messageThreads.reference, status: messageThreads.status, dueOn: messageThreads.dueOn, lastMessageAt: messageThreads.lastMessageAt })
    .from(messageThreads)
    .where(eq(messageThreads.applicationId, application.id))
    .orderBy(desc(messageThreads.lastMessageAt));
  const colleagues = await colleaguesOf(db, application.prefectureId);
  const blockedBy = application.prolongationBlockedBy ? colleagues.find((c) => c.id === application.prolongationBlockedBy) : undefined;
  const flags = await db
    .select({ kind: caseFlags.kind, raisedOn: caseFlags.raisedOn, aboutOn: caseFlags.aboutOn })
    .from(caseFlags)
    .where(and(eq(caseFlags.applicationId, application.id), isNull(caseFlags.clearedOn)))
    .orderBy(asc(caseFlags.kind));
  const facts = await clockFactsOf(db, application.id);
  const clock = facts ? legalClockOf(facts, today) : null;
  const todayDay = toEpochDay(today);
  const profile = person?.profile ?? null;
  const current = permitRows.find((p) => p.id === application.permitId);

  return {
    application: {
      id: application.id,
      reference: application.reference ?? '',
      status: application.status,
      cardType: application.cardType,
      filedOn: application.filedOn ?? '',
      filingStatus: application.filingStatus ?? 'in_time',
      late: application.late,
      completeOn: application.completeOn,
      decidedOn: application.decidedOn,
      answers: application.answers,
      updatedAt: application.updatedAt.toISOString(),
      prefecture: { id: application.prefectureId, departementCode: prefecture?.departementCode ?? '', name: prefecture?.name ?? '' },
    },
    applicant: {
      surname: profile?.surname ?? null,
      givenNames: profile?.givenNames ?? null,
      birthDate: profile?.birthDate ?? null,
      birthPlace: profile?.birthPlace ?? null,
      nationality: profile?.nationality ?? null,
      address: profile?.addressLine1 ? [profile.addressLine1, profile.addressLine2, `${profile.postalCode ?? ''} ${profile.city ?? ''}`.trim()].filter(Boolean).join(', ') : null,
      email: person?.email ?? null,
      phone: person?.phone ?? null,
      foreignerNumber: current?.foreignerNumber ?? permitRows.map((p) => p.foreignerNumber).find(Boolean) ?? null,
    },
    permits: permitRows.map((p) => ({
      id: p.id,
      kind: p.kind,
      cardType: p.cardType,
      number: p.number,
      validFromOn: p.validFromOn,
      validUntilOn: p.validUntilOn,
      current: p.id === application.permitId,
    })),
    documents: documents.map((d) => ({
      id: d.id,
      checklistItemId: d.checklistItemId,
      filename: d.originalFilename,
      mediaType: d.mediaType,
      sizeBytes: d.sizeBytes,
      state: d.state,
      addedAfterFiling: d.addedAfterFiling,
      uploadedAt: d.uploadedAt.toISOString(),
    })),
    requests: requests.map((r) => ({
      id: r.id,
      items: r.items,
      requestedOn: r.requestedOn,
      dueOn: r.dueOn,
      answeredOn: r.answeredOn,
      open: r.answeredOn === null && application.status === 'documents_requested',
      overdue: r.answeredOn === null && application.status === 'documents_requested' && toEpochDay(r.dueOn) < todayDay,
    })),
    attestations: documentsIssued.map((a) => ({ id: a.id, kind: a.kind, issuedOn: a.issuedOn, validUntilOn: a.validUntilOn, superseded: a.supersededAt !== null })),
    failedDeliveries,
    messageThreads: threads.map((m) => ({ ...m, lastMessageAt: m.lastMessageAt.toISOString() })),
    history: history.map(({ event, actorName }) => ({
      sequence: event.sequence,
      event: event.event,
      statusFrom: event.statusFrom,
      statusTo: event.statusTo,
      actorKind: event.actorKind,
      actorName: event.actorKind === 'agent' ? (actorName ?? null) : null,
      at: event.at.toISOString(),
      details: event.details,
    })),
    clock: clock
      ? {
          daysSinceFiling: clock.daysSinceFiling,
          tacitRefusal: clock.tacitRefusal,
          currentDocument: clock.currentDocument,
          openRequestDueOn: clock.openRequestDueOn,
          overdue: clock.overdue,
          dates: clock.dates.map((d) => ({ id: d.id, on: d.on, kind: d.kind, ruleId: d.ruleId, citation: d.citation, explanation: d.explanation[locale] })),
        }
      : null,
    allowedActions: AGENT_EVENTS.filter((event) => isAllowed(application.status, event, 'agent')),
    assignment: {
      assignee: application.assignedTo ? (colleagues.find((c) => c.id === application.assignedTo) ?? { id: application.assignedTo, name: '' }) : null,
      assignedAt: application.assignedAt ? application.assignedAt.toISOString() : null,
      colleagues,
    },
    prolongationBlock:
      application.prolongationBlockedAt && application.prolongationBlockReason
        ? { reason: application.prolongationBlockReason, blockedAt: application.prolongationBlockedAt.toISOString(), blockedBy: blockedBy?.name ?? null }
        : null,
    flags,
  };
}

export type CaseFile = Awaited<ReturnType<typeof getCaseFile>>;
