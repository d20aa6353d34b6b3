/**
 * The documents Sejour issues (docs/adr/0006-attestations.md). Each kind has a one-letter code in
 * the signed payload (docs/attestation-payload.md) so the QR code stays small.
 */
export const ATTESTATION_KINDS = [
  'vls_ts_validation',
  'filing_receipt',
  'prolongation',
  'favourable_decision',
  'favourable_decision_letter',
  'refusal_letter',
] as const;
export type AttestationKind = (typeof ATTESTATION_KINDS)[number];

export const KIND_CODES: Record<AttestationKind, string> = {
  vls_ts_validation: 'V',
  filing_receipt: 'D',
  prolongation: 'P',
  favourable_decision: 'F',
  favourable_decision_letter: 'L',
  refusal_letter: 'R',
};

export function kindOfCode(code: string): AttestationKind | undefined {
  return ATTESTATION_KINDS.find((kind) => KIND_CODES[kind] === code);
}

export function isAttestationKind(value: string): value is AttestationKind {
  return (ATTESTATION_KINDS as readonly string[]).includes(value);
}

/** A dated fact printed on a document with its legal basis (rule id + citation of domain/rules). */
export interface DatedFact {
  readonly id: string;
  readonly on: string;
  readonly ruleId: string;
  readonly citation: string;
}

/**
 * What a document states, independent of its language: the PDF is rendered from these facts in
 * French or English, deterministically.
 */
export interface AttestationFacts {
  readonly holder: { readonly surname: string; readonly givenNames: string; readonly birthDate: string; readonly nationality: string };
  readonly foreignerNumber: string | null;
  readonly prefecture: { readonly name: string; readonly city: string; readonly departementCode: string };
  readonly reference: string | null;
  readonly cardType: string | null;
  /** Dates from the deadline engine, each with its rule. */
  readonly dates: readonly DatedFact[];
  /** Refusal letters: the reasons, in the préfecture's words (one paragraph each). */
  readonly reasons?: readonly string[];
}
