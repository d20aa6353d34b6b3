/**
 * The attestations issued by the applicant's own acts, with the dates of the deadline engine and
 * their legal basis: the attestation de dépôt (acknowledgement of receipt, CRPA L.112-11 and
 * R.112-11-1: filing date, the day silence becomes an implicit rejection, the recourse deadline)
 * and the VLS-TS validation attestation.
 */
import type { Db } from '../../db/client';
import type { Keyring } from '../../adapters/signing/keyring';
import { computeDeadlines } from '../../../domain/deadlines/index';
import type { DatedFact } from '../../../domain/attestations/kinds';
import type { DeadlineResult, PermitKind, CardTypeId } from '../../../domain/deadlines/types';
import { issueAttestation, type AttestationRow } from './issue-attestation';

export interface ActDeps {
  keys?: (() => Keyring) | undefined;
  now: () => Date;
}

function keysOrFail(deps: ActDeps): () => Keyring {
  if (!deps.keys) throw new Error('attestation signing keys are not configured for this use case');
  return deps.keys;
}

function fact(result: DeadlineResult, id: string): DatedFact[] {
  const date = result.dates.find((d) => d.id === id);
  return date ? [{ id, on: date.on, ruleId: date.ruleId, citation: date.citation }] : [];
}

interface PermitFacts {
  id: string;
  kind: PermitKind;
  cardType: CardTypeId;
  validFromOn: string;
  validUntilOn: string;
  enteredFranceOn: string | null;
}

export async function issueFilingReceipt(
  tx: Db,
  deps: ActDeps,
  input: {
    userId: string;
    applicationId: string;
    prefectureId: string;
    departement: string;
    reference: string;
    cardType: string;
    filedOn: string;
    foreignerNumber: string | null;
    permit: PermitFacts;
  },
): Promise<AttestationRow> {
  const result = computeDeadlines({
    permit: { kind: input.permit.kind, cardType: input.permit.cardType, validFrom: input.permit.validFromOn, validUntil: input.permit.validUntilOn },
    ...(input.permit.enteredFranceOn ? { enteredFranceOn: input.permit.enteredFranceOn } : {}),
    department: input.departement,
    application: { filedOn: input.filedOn },
    today: input.filedOn,
  });
  const window = result.dates.find((d) => d.id === 'application_window_closes');
  const dates: DatedFact[] = [
    { id: 'filed_on', on: input.filedOn, ruleId: window?.ruleId ?? 'R-10', citation: `${window?.citation ?? 'CESEDA R.431-5'} ; CRPA L.112-11, R.112-11-1` },
    ...fact(result, 'tacit_refusal_on'),
    ...fact(result, 'recourse_deadline'),
  ];
  return issueAttestation(tx, { keys: keysOrFail(deps), now: deps.now }, {
    kind: 'filing_receipt',
    userId: input.userId,
    prefectureId: input.prefectureId,
    applicationId: input.applicationId,
    permitId: input.permit.id,
    reference: input.reference,
    cardType: input.cardType,
    foreignerNumber: input.foreignerNumber,
    dates,
    validUntilOn: null,
    issuedOn: input.filedOn,
  });
}

export async function issueVlsTsValidation(
  tx: Db,
  deps: ActDeps,
  input: { userId: string; prefectureId: string; validatedOn: string; foreignerNumber: string; permit: PermitFacts },
): Promise<AttestationRow> {
  return issueAttestation(tx, { keys: keysOrFail(deps), now: deps.now }, {
    kind: 'vls_ts_validation',
    userId: input.userId,
    prefectureId: input.prefectureId,
    permitId: input.permit.id,
    cardType: input.permit.cardType,
    foreignerNumber: input.foreignerNumber,
    dates: [
      { id: 'validated_on', on: input.validatedOn, ruleId: 'R-01', citation: 'CESEDA R.431-17' },
      { id: 'valid_until', on: input.permit.validUntilOn, ruleId: 'R-00', citation: 'CESEDA L.411-1' },
    ],
    validUntilOn: input.permit.validUntilOn,
    issuedOn: input.validatedOn,
  });
}
