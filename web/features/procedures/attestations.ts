/** GET /api/v1/attestations (built by the attestations feature): its shape, and its PDF address. */
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

export function attestationPdfUrl(id: string, language: 'fr' | 'en'): string {
  return `/api/v1/attestations/${encodeURIComponent(id)}/pdf?lang=${language}`;
}
