/**
 * Issues an attestation inside the caller's transaction (the act and its document are written
 * together, or neither): reads the holder's identity (`identity_missing` without a profile), the
 * préfecture, signs the compact payload with the current key, inserts the row and marks superseded
 * the earlier documents of the same application it replaces. The PDF is rendered from the row.
 *
 * The back office calls it for prolongations and decisions; submission and VLS-TS validation call
 * it for the attestation de dépôt and the validation attestation.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { applicantProfiles, attestations, prefectures } from '../../db/schema/index';
import { AppError } from '../../http/problem';
import type { Keyring } from '../../adapters/signing/keyring';
import type { AttestationFacts, AttestationKind, DatedFact } from '../../../domain/attestations/kinds';
import { assemblePayload, signingInput, type AttestationClaims } from '../../../domain/attestations/payload';
import { supersededKinds } from '../../../domain/attestations/supersession';
import { queueNotice } from '../reminders/notices';

export type AttestationRow = typeof attestations.$inferSelect;
export type Profile = typeof applicantProfiles.$inferSelect;

export interface IssueInput {
  kind: AttestationKind;
  userId: string;
  prefectureId: string;
  applicationId?: string | null;
  permitId?: string | null;
  reference?: string | null;
  cardType?: string | null;
  foreignerNumber?: string | null;
  dates: readonly DatedFact[];
  validUntilOn?: string | null;
  /** Refusal letters. */
  reasons?: readonly string[];
  issuedOn: string;
}

/** The holder's identity, or the `identity_missing` problem (checked before any write). */
export async function requireProfile(db: Db, userId: string): Promise<Profile> {
  const [profile] = await db.select().from(applicantProfiles).where(eq(applicantProfiles.userId, userId));
  if (!profile) throw new AppError(422, 'identity_missing');
  return profile;
}

export function holderName(profile: Pick<Profile, 'surname' | 'givenNames'>): string {
  return `${profile.surname.toUpperCase()}, ${profile.givenNames}`;
}

export async function issueAttestation(tx: Db, deps: { keys: () => Keyring; now: () => Date }, input: IssueInput): Promise<AttestationRow> {
  const profile = await requireProfile(tx, input.userId);
  const [prefecture] = await tx.select().from(prefectures).where(eq(prefectures.id, input.prefectureId));
  if (!prefecture) throw new Error(`prefecture ${input.prefectureId} not found`);
  const keyring = deps.keys();
  const id = randomUUID();
  const issuedAt = deps.now();
  const facts: AttestationFacts = {
    holder: { surname: profile.surname, givenNames: profile.givenNames, birthDate: profile.birthDate, nationality: profile.nationality },
    foreignerNumber: input.foreignerNumber ?? null,
    prefecture: { name: prefecture.name, city: prefecture.city, departementCode: prefecture.departementCode },
    reference: input.reference ?? null,
    cardType: input.cardType ?? null,
    dates: input.dates.map(({ id: dateId, on, ruleId, citation }) => ({ id: dateId, on, ruleId, citation })),
    ...(input.reasons ? { reasons: [...input.reasons] } : {}),
  };
  const claims: AttestationClaims = {
    documentId: id,
    kind: input.kind,
    holderName: holderName(profile),
    birthDate: profile.birthDate,
    foreignerNumber: facts.foreignerNumber,
    validUntil: input.validUntilOn ?? null,
    issuer: prefecture.name,
    issuedOn: input.issuedOn,
  };
  const text = signingInput(claims, keyring.currentKeyId);
  const payload = assemblePayload(text, keyring.sign(text));
  const [row] = await tx
    .insert(attestations)
    .values({
      id,
      kind: input.kind,
      userId: input.userId,
      applicationId: input.applicationId ?? null,
      permitId: input.permitId ?? null,
      prefectureId: prefecture.id,
      facts,
      validUntilOn: claims.validUntil,
      issuedOn: input.issuedOn,
      issuedAt,
      keyId: keyring.currentKeyId,
      payload,
    })
    .returning();
  if (!row) throw new Error('attestation insert failed');
  const replaces = supersededKinds(input.kind);
  if (input.applicationId && replaces.length > 0) {
    await tx
      .update(attestations)
      .set({ supersededBy: id, supersededAt: issuedAt })
      .where(
        and(
          eq(attestations.applicationId, input.applicationId),
          inArray(attestations.kind, [...replaces]),
          isNull(attestations.supersededAt),
          ne(attestations.id, id),
        ),
      );
  }
  // A person without an email address is told by SMS and gets the document by post (ADR 0020).
  await queueNotice(tx, input.userId, { kind: 'document_issued', subjectId: id, aboutOn: input.issuedOn }, issuedAt);
  return row;
}
