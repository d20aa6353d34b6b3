/** One of the caller's attestations as a PDF, rendered from its row (other people's ids → 404). */
import { and, eq } from 'drizzle-orm';
import { attestations } from '../../db/schema/index';
import { AppError } from '../../http/problem';
import { renderAttestationPdf } from '../../adapters/pdf/attestation-pdf';
import type { Locale } from '../../i18n/index';
import type { Caller } from '../applications/context';
import type { AttestationsContext } from './context';
import type { AttestationRow } from './issue-attestation';

export function renderRow(row: AttestationRow, locale: Locale, publicUrl: string): Promise<Uint8Array> {
  return renderAttestationPdf(
    {
      id: row.id,
      kind: row.kind,
      facts: row.facts,
      issuedOn: row.issuedOn,
      issuedAt: row.issuedAt,
      validUntilOn: row.validUntilOn,
      keyId: row.keyId,
      payload: row.payload,
      supersededAt: row.supersededAt,
      verifyUrl: `${publicUrl}/verify`,
    },
    locale,
  );
}

export async function renderAttestation(
  ctx: Pick<AttestationsContext, 'db' | 'publicUrl'>,
  caller: Caller,
  input: { id: string; locale: Locale },
): Promise<{ bytes: Uint8Array; filename: string }> {
  if (caller.role !== 'applicant') throw new AppError(404, 'attestation_not_found');
  const [row] = await ctx.db.select().from(attestations).where(and(eq(attestations.id, input.id), eq(attestations.userId, caller.id)));
  if (!row) throw new AppError(404, 'attestation_not_found');
  return { bytes: await renderRow(row, input.locale, ctx.publicUrl), filename: `attestation-${row.kind}-${row.issuedOn}-${input.locale}.pdf` };
}
