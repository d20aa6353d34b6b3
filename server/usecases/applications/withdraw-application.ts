/** The applicant withdraws a draft or a filed application not yet decided (state machine: `withdraw`). */
import { eq } from 'drizzle-orm';
import type { ApplicationBody } from '../../../contract/applications';
import { applications } from '../../db/schema/index';
import { AppError } from '../../http/problem';
import { actorKindOf, actorIdOf } from '../../policies/applications';
import { transition, type ApplicationState } from '../../../domain/applications/index';
import { todayOf, type ApplicationsContext, type Caller } from './context';
import { applicationDetail } from './get-application';
import { appendHistory, refusalToError } from './history';
import { loadOwnApplication } from './queries';
import { recomputeReminders } from '../reminders/recompute-reminders';

export async function withdrawApplication(ctx: ApplicationsContext, caller: Caller, applicationId: string): Promise<ApplicationBody> {
  const actorKind = actorKindOf(caller);
  if (!actorKind) throw new AppError(403, 'forbidden');
  const now = ctx.now();
  const today = todayOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const application = await loadOwnApplication(tx, caller, applicationId, { forUpdate: true });
    const state: ApplicationState = { status: application.status, ...(application.filedOn ? { filedOn: application.filedOn } : {}) };
    const result = transition(state, { type: 'withdraw' }, { kind: actorKind }, today);
    if (!result.ok) throw refusalToError(result.refusal);
    const [updated] = await tx
      .update(applications)
      .set({ status: result.state.status, updatedAt: now })
      .where(eq(applications.id, application.id))
      .returning();
    if (!updated) throw new Error('application update failed');
    await appendHistory(tx, {
      applicationId: application.id,
      event: 'withdraw',
      statusFrom: result.from,
      statusTo: result.state.status,
      actorUserId: actorIdOf(caller),
      actorKind,
      at: now,
      details: { withdrawnOn: today },
    });
    await recomputeReminders(tx, application.userId, now);
    return applicationDetail(ctx, tx, updated);
  });
}
