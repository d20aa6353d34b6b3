/**
 * The agent declares the file complete (`declareComplete`). When the application was filed in time
 * and the current permit has already expired, the applicant is owed an attestation de prolongation
 * from that day: the lead's `issueDueProlongation` issues it in this transaction.
 */
import type { Origin, StaffCaller } from './staff-scope';
import { runAgentTransition, type AgentDeps } from './agent-transition';

export async function declareComplete(deps: AgentDeps, caller: StaffCaller, input: { applicationId: string; expectedUpdatedAt?: string | undefined }, origin: Origin) {
  return runAgentTransition(deps, caller, input, { type: 'declareComplete' }, origin, async ({ today }) => {
    // PROLONGATION: issueDueProlongation(tx, deps, applicationId, today)
    return { set: { completeOn: today }, details: { completeOn: today } };
  });
}
