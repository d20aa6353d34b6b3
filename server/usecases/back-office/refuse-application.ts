/**
 * The agent refuses with written reasons (`refuse`): the decision letter states the reasons, the
 * recourse routes (recours gracieux or hiérarchique, and the administrative court) and the
 * court deadline computed by the engine from the notification date.
 */
import { eq } from 'drizzle-orm';
import { permits } from '../../db/schema/index';
import type { DatedFact } from '../../../domain/attestations/kinds';
import { issueAttestation } from '../attestations/issue-attestation';
import { clockFactsOf, engineResult } from './legal-clock';
import type { Origin, StaffCaller } from './staff-scope';
import { runAgentTransition, type AgentDeps } from './agent-transition';

export async function refuseApplication(
  deps: AgentDeps,
  caller: StaffCaller,
  input: { applicationId: string; reasons: readonly string[]; expectedUpdatedAt?: string | undefined },
  origin: Origin,
) {
  const reasons = input.reasons.map((reason) => reason.trim()).filter((reason) => reason.length > 0);
  return runAgentTransition(deps, caller, input, { type: 'refuse' }, origin, async ({ tx, application, today }) => {
    const [permit] = await tx.select().from(permits).where(eq(permits.id, application.permitId));
    const facts = await clockFactsOf(tx, application.id);
    const result = facts ? engineResult({ ...facts, decision: { kind: 'refusal', notifiedOn: today } }, today) : null;
    const recourse = result?.dates.find((d) => d.id === 'recourse_deadline');
    const dates: DatedFact[] = [
      { id: 'decided_on', on: today, ruleId: 'R-50', citation: 'CESEDA L.614-1 ; CJA R.421-1' },
      ...(recourse ? [{ id: 'recourse_deadline', on: recourse.on, ruleId: recourse.ruleId, citation: recourse.citation }] : []),
    ];
    const letter = await issueAttestation(tx, deps, {
      kind: 'refusal_letter',
      userId: application.userId,
      prefectureId: application.prefectureId,
      applicationId: application.id,
      permitId: application.permitId,
      reference: application.reference,
      cardType: application.cardType,
      foreignerNumber: permit?.foreignerNumber ?? null,
      dates,
      reasons,
      validUntilOn: null,
      issuedOn: today,
    });
    return {
      set: { decidedOn: today },
      details: { decidedOn: today, reasons, recourseDeadline: recourse?.on ?? null, attestationIds: [letter.id] },
    };
  });
}
