/**
 * The agent declares the file complete (`declareComplete`). It does not decide the attestation de
 * prolongation: Sejour takes a filing only with every required document, so an in-time application
 * is owed its prolongations from the filing date whatever the agent does, and the
 * `attestations.issue-prolongations` job issues them on the last day of each document
 * (server/usecases/attestations/issue-due-prolongations.ts, ADR 0006 §9).
 */
import type { Origin, StaffCaller } from './staff-scope';
import { runAgentTransition, type AgentDeps } from './agent-transition';

export async function declareComplete(deps: AgentDeps, caller: StaffCaller, input: { applicationId: string; expectedUpdatedAt?: string | undefined }, origin: Origin) {
  return runAgentTransition(deps, caller, input, { type: 'declareComplete' }, origin, async ({ today }) => {
    return { set: { completeOn: today }, details: { completeOn: today } };
  });
}
