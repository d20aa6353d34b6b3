/** The holder's attestations, newest first (the personal space lists them). */
import { desc, eq } from 'drizzle-orm';
import type { AttestationList } from '../../../contract/attestations';
import { attestations } from '../../db/schema/index';
import type { Caller } from '../applications/context';
import type { AttestationsContext } from './context';

export async function listAttestations(ctx: Pick<AttestationsContext, 'db'>, caller: Caller): Promise<AttestationList> {
  const rows = await ctx.db.select().from(attestations).where(eq(attestations.userId, caller.id)).orderBy(desc(attestations.issuedAt));
  return {
    attestations: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      issuedOn: row.issuedOn,
      validUntilOn: row.validUntilOn,
      superseded: row.supersededAt !== null,
      applicationId: row.applicationId,
      reference: row.facts.reference,
    })),
  };
}
