/** The caller's permits (VLS-TS and cards), the one expiring last first. */
import type { PermitBody } from '../../../contract/applications';
import { todayOf, type ApplicationsContext, type Caller } from './context';
import { presentPermit } from './present';
import { loadOwnPermit, permitsOf, validationOf } from './queries';

export async function listPermits(ctx: Pick<ApplicationsContext, 'db' | 'now'>, caller: Caller): Promise<PermitBody[]> {
  if (caller.role !== 'applicant') return [];
  const rows = await permitsOf(ctx.db, caller.id);
  const validations = await validationOf(ctx.db, rows.map((row) => row.id));
  const today = todayOf(ctx);
  return rows.map((row) => presentPermit(row, validations.get(row.id), today));
}

export async function getPermit(ctx: Pick<ApplicationsContext, 'db' | 'now'>, caller: Caller, permitId: string): Promise<PermitBody> {
  const permit = await loadOwnPermit(ctx.db, caller, permitId);
  const validations = await validationOf(ctx.db, [permit.id]);
  return presentPermit(permit, validations.get(permit.id), todayOf(ctx));
}
