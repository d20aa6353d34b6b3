/**
 * Which earlier documents of the same application a new one replaces: a renewed prolongation
 * replaces the previous prolongation; a decision replaces the prolongations (the application is
 * no longer pending) and a favourable-decision attestation that a refusal contradicts.
 */
import type { AttestationKind } from './kinds';

export function supersededKinds(kind: AttestationKind): readonly AttestationKind[] {
  switch (kind) {
    case 'prolongation':
      return ['prolongation'];
    case 'favourable_decision':
      return ['prolongation', 'favourable_decision'];
    case 'favourable_decision_letter':
      return ['prolongation'];
    case 'refusal_letter':
      return ['prolongation', 'favourable_decision'];
    case 'vls_ts_validation':
    case 'filing_receipt':
      return [];
  }
}
