/**
 * The agent declares the file complete (`declareComplete`). For an application filed in time the
 * first attestation de prolongation is issued in the same transaction (policy 4: "or at
 * completeness"), valid from the day after the current permit ends — the person holds it before
 * they need it. Later periods, and the first one when no agent has acted yet, are issued by the
 * `attestations.issue-prolongations` job on the last day of each document: Sejour takes a filing
 * only with every required document, so an in-time application is owed them whatever the agent
 * does (server/usecases/attestations/issue-due-prolongations.ts, ADR 0006 §9).
 */
import type { Origin, StaffCaller } from './staff-scope';
import { runAgentTransition, type AgentDeps } from './agent-transition';
import { issueProlongationsFor } from '../attestations/issue-due-prolongations';

export async function declareComplete(deps: AgentDeps, caller: StaffCaller, input: { applicationId: string; expectedUpdatedAt?: string | undefined }, origin: Origin) {
  return runAgentTransition(deps, caller, input, { type: 'declareComplete' }, origin, async ({ tx, application, today }) => {
    await issueProlongationsFor(tx, deps, application.id, today, { inAdvance: true });
    return { set: { completeOn: today }, details: { completeOn: today } };
  });
}
