/**
 * GET /api/v1/attestations (built by the attestations feature): its shape, and its PDF address.
 * At the help desk, the same under /api/v1/staff/help-desk/people/:personId.
 */
export interface AttestationItem {
  id: string;
  kind: string;
  issuedOn: string;
  validUntilOn: string | null;
  superseded: boolean;
  applicationId: string | null;
  reference: string | null;
}

export interface AttestationList {
  attestations: AttestationItem[];
}

const APPLICANT = { url: (path: string) => `/api/v1${path}` };

/** `scope`: whose attestation (web/features/journey/person-scope.tsx); the signed-in applicant's by default. */
export function attestationPdfUrl(id: string, language: 'fr' | 'en', scope: { url: (path: string) => string } = APPLICANT): string {
  return scope.url(`/attestations/${encodeURIComponent(id)}/pdf?lang=${language}`);
}
