/**
 * The agent decides favourably (`decideFavourably`): the attestation de décision favorable
 * (valid 3 months, R-33, medium confidence) and the decision letter are issued in the same
 * transaction; both supersede the prolongations of the application (domain/attestations/supersession.ts).
 */
import { eq } from 'drizzle-orm';
import { permits } from '../../db/schema/index';
import { addMonths, formatIsoDate, toEpochDay } from '../../../domain/calendar/epoch-day';
import { issueAttestation } from '../attestations/issue-attestation';
import { clockFactsOf, engineResult } from './legal-clock';
import type { Origin, StaffCaller } from './staff-scope';
import { runAgentTransition, type AgentDeps } from './agent-transition';

export async function decideFavourably(deps: AgentDeps, caller: StaffCaller, input: { applicationId: string; expectedUpdatedAt?: string | undefined }, origin: Origin) {
  return runAgentTransition(deps, caller, input, { type: 'decideFavourably' }, origin, async ({ tx, application, today }) => {
    const [permit] = await tx.select().from(permits).where(eq(permits.id, application.permitId));
    const facts = await clockFactsOf(tx, application.id);
    const result = facts ? engineResult({ ...facts, decision: { kind: 'favourable', notifiedOn: today } }, today) : null;
    const period = result?.coverage.find((p) => p.document === 'favourable_decision_attestation' && p.from === today);
    const validUntilOn = period?.until ?? formatIsoDate(addMonths(toEpochDay(today), 3));
    const common = {
      userId: application.userId,
      prefectureId: application.prefectureId,
      applicationId: application.id,
      permitId: application.permitId,
      reference: application.reference,
      cardType: application.cardType,
      foreignerNumber: permit?.foreignerNumber ?? null,
      issuedOn: today,
    };
    const attestation = await issueAttestation(tx, deps, {
      ...common,
      kind: 'favourable_decision',
      dates: [
        { id: 'decided_on', on: today, ruleId: 'R-33', citation: 'CESEDA R.431-15-1' },
        { id: 'valid_until', on: validUntilOn, ruleId: 'R-33', citation: 'CESEDA R.431-15-1' },
      ],
      validUntilOn,
    });
    const letter = await issueAttestation(tx, deps, {
      ...common,
      kind: 'favourable_decision_letter',
      dates: [{ id: 'decided_on', on: today, ruleId: 'R-33', citation: 'CESEDA R.431-15-1' }],
      validUntilOn: null,
    });
    return { set: { decidedOn: today }, details: { decidedOn: today, attestationIds: [attestation.id, letter.id], validUntilOn } };
  });
}
