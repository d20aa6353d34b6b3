/**
 * The automatic attestations de prolongation (issue-due-prolongations.ts) are owed to every
 * complete in-time application; an agent can only hold them back with a written reason, which the
 * supervisor reads on the dashboard (docs/adr/0019-back-office-flags-and-dashboard.md). Lifting
 * the block issues at once what fell due meanwhile, as declaring complete does.
 */
import type { Db } from '../../db/client';
import type { Keyring } from '../../adapters/signing/keyring';
import { AppError } from '../../http/problem';
import { issueProlongationsFor } from '../attestations/issue-due-prolongations';
import { runCaseAct } from './case-act';
import type { Origin, StaffCaller } from './staff-scope';

export const BLOCK_REASON_MIN = 20;
export const BLOCK_REASON_MAX = 2000;

export async function blockProlongation(
  deps: { db: Db; now: () => Date },
  caller: StaffCaller,
  input: { applicationId: string; reason: string; expectedUpdatedAt?: string | undefined },
  origin: Origin,
) {
  const reason = input.reason.trim();
  if (reason.length < BLOCK_REASON_MIN) throw new AppError(422, 'block_reason_too_short', { min: BLOCK_REASON_MIN });
  return runCaseAct(deps, caller, input, 'blockProlongation', origin, async ({ application, now }) => {
    if (application.prolongationBlockedAt) throw new AppError(409, 'prolongation_already_blocked');
    return {
      set: { prolongationBlockedAt: now, prolongationBlockedBy: caller.id, prolongationBlockReason: reason },
      // The reason is for the préfecture (and the supervisor): the history the applicant sees says only that it happened.
      auditDetails: { reason },
    };
  });
}

export async function unblockProlongation(
  deps: { db: Db; now: () => Date; keys: () => Keyring },
  caller: StaffCaller,
  input: { applicationId: string; expectedUpdatedAt?: string | undefined },
  origin: Origin,
) {
  let issued = 0;
  const result = await runCaseAct(deps, caller, input, 'unblockProlongation', origin, async ({ tx, application, today }) => {
    if (!application.prolongationBlockedAt) throw new AppError(409, 'prolongation_not_blocked');
    return {
      set: { prolongationBlockedAt: null, prolongationBlockedBy: null, prolongationBlockReason: null },
      auditDetails: { previousReason: application.prolongationBlockReason },
      // After the row is unblocked (same transaction): what is due now, and the first one in
      // advance once the file is complete.
      after: async () => {
        issued = await issueProlongationsFor(tx, deps, application.id, today, { inAdvance: application.status === 'complete' });
      },
    };
  });
  return { ...result, issued };
}
