/**
 * One agent action, in one transaction: lock the application (of the caller's préfectures, else
 * 404), ask the transition table, write the status and the history row, let the action write its
 * own effects (attestations, requests), refresh the stored legal clock, and write the audit entry.
 * Two agents acting at once are serialised by the row lock: the second sees the new status and the
 * table refuses (409 `application_status_conflict`). A caller may also pass the `updatedAt` it saw
 * (`expectedUpdatedAt`): if the case changed meanwhile, 409 `application_changed`.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { applications } from '../../db/schema/index';
import { AppError } from '../../http/problem';
import { transition, type ApplicationEvent, type ApplicationState, type TransitionResult } from '../../../domain/applications/index';
import { todayInParis } from '../../../domain/deadlines/index';
import { appendHistory, refusalToError } from '../applications/history';
import { recordAuditEvent } from '../audit/record-audit-event';
import { refreshLegalClock } from './legal-clock';
import { loadStaffApplication, type ApplicationRow, type Origin, type StaffCaller } from './staff-scope';
import type { Keyring } from '../../adapters/signing/keyring';

export interface AgentDeps {
  db: Db;
  now: () => Date;
  keys: () => Keyring;
}

export interface AgentActionContext {
  tx: Db;
  application: ApplicationRow;
  result: Extract<TransitionResult, { ok: true }>;
  today: string;
  now: Date;
}

export async function runAgentTransition(
  deps: AgentDeps,
  caller: StaffCaller,
  input: { applicationId: string; expectedUpdatedAt?: string | undefined },
  event: ApplicationEvent,
  origin: Origin,
  apply: (context: AgentActionContext) => Promise<{ set?: Partial<typeof applications.$inferInsert>; details?: Record<string, unknown> }>,
): Promise<{ applicationId: string; status: string }> {
  const now = deps.now();
  const today = todayInParis(now);
  return deps.db.transaction(async (tx) => {
    const application = await loadStaffApplication(tx, caller, input.applicationId, { forUpdate: true });
    if (input.expectedUpdatedAt && new Date(input.expectedUpdatedAt).getTime() !== application.updatedAt.getTime()) {
      throw new AppError(409, 'application_changed');
    }
    const state: ApplicationState = { status: application.status, ...(application.filedOn ? { filedOn: application.filedOn } : {}) };
    const result = transition(state, event, { kind: 'agent' }, today);
    if (!result.ok) throw refusalToError(result.refusal);
    const { set, details } = await apply({ tx, application, result, today, now });
    await tx
      .update(applications)
      .set({ ...set, status: result.state.status, updatedAt: now })
      .where(eq(applications.id, application.id));
    await appendHistory(tx, {
      applicationId: application.id,
      event: event.type,
      statusFrom: result.from,
      statusTo: result.state.status,
      actorUserId: caller.id,
      actorKind: 'agent',
      at: now,
      details: details ?? {},
    });
    await refreshLegalClock(tx, application.id, today);
    await recordAuditEvent(tx, {
      actor: caller,
      action: `case.${event.type}`,
      object: { type: 'application', id: application.id },
      prefectureId: application.prefectureId,
      origin,
      details: { statusFrom: result.from, statusTo: result.state.status, ...(details ?? {}) },
      at: now,
    });
    return { applicationId: application.id, status: result.state.status };
  });
}
