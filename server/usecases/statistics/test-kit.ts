/**
 * A hand-built set of applications whose published figures are known (tests only), inserted
 * directly. "Today" is 2026-11-26 in Paris (TODAY, NOW).
 *
 * Département 75, card type CARD (30 applications):
 * - 20 filed 25 days ago, each with a first prolongation 1…20 days after filing
 *   → prolongation median 10, p90 18 (nearest rank);
 *   10 of them decided 1, 2, 3, 5, 7, 11, 13, 17, 19, 23 days after filing → median 7, p90 19;
 *   the other 10 pending and in time: 7 prolonged the day after their permit ended, 3 with a gap.
 * - 10 filed 130 days ago, pending, in time, permit still valid, no prolongation: past their
 *   tacit-refusal date (filing + 4 months); only in the 365-day window.
 * Département 13 (9 applications filed 25 days ago, pending, permit valid): a small cell.
 *
 * Expected (window 30): 75 → 20 filed, 10/18, 7/19, gap 3 (0.3), tacit 0; 13 → all null;
 * FR → 29 filed, 10/18, 7/19, gap 3 over 19 pending in time (0.1579), tacit 0.
 * Window 365: 75 → 30 filed, gap 3 over 20 (0.15), tacit 10.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { CARD_TYPE_IDS, type CardTypeId } from '../../../domain/rules/card-types';
import type { Db } from '../../db/client';
import { applications, attestations, permits, prefectures, users } from '../../db/schema/index';

export const TODAY = '2026-11-26';
export const NOW = new Date('2026-11-26T11:00:00Z');
export const CARD: CardTypeId = CARD_TYPE_IDS[0] as CardTypeId;

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

interface Spec {
  dep: string;
  filedOn: string;
  permitUntil: string;
  prolongedOn?: string;
  decidedOn?: string;
}

let counter = 0;

export async function insertApplications(db: Db, specs: readonly Spec[]): Promise<void> {
  const [user] = await db
    .insert(users)
    .values({ email: `stats-${randomUUID()}@example.test`, displayName: 'Stats', role: 'applicant', locale: 'fr', passwordHash: null })
    .returning({ id: users.id });
  if (!user) throw new Error('user insert failed');
  const prefectureIds = new Map<string, string>();
  for (const spec of specs) {
    if (prefectureIds.has(spec.dep)) continue;
    const [prefecture] = await db.select({ id: prefectures.id }).from(prefectures).where(eq(prefectures.departementCode, spec.dep)).limit(1);
    if (!prefecture) throw new Error(`no prefecture for ${spec.dep}`);
    prefectureIds.set(spec.dep, prefecture.id);
  }
  for (const spec of specs) {
    counter += 1;
    const prefectureId = prefectureIds.get(spec.dep) as string;
    const [permit] = await db
      .insert(permits)
      .values({ userId: user.id, kind: 'temporary_card', cardType: CARD, validFromOn: addDays(spec.permitUntil, -365), validUntilOn: spec.permitUntil, createdAt: NOW })
      .returning({ id: permits.id });
    if (!permit) throw new Error('permit insert failed');
    const [application] = await db
      .insert(applications)
      .values({
        reference: `SEJ-T-${randomUUID().slice(0, 8)}`,
        userId: user.id,
        prefectureId,
        permitId: permit.id,
        cardType: CARD,
        status: spec.decidedOn ? 'decided_favourable' : 'submitted',
        filedOn: spec.filedOn,
        filingStatus: 'in_time',
        decidedOn: spec.decidedOn ?? null,
        createdAt: NOW,
        updatedAt: NOW,
      })
      .returning({ id: applications.id });
    if (!application) throw new Error('application insert failed');
    if (spec.prolongedOn) {
      await db.insert(attestations).values({
        id: randomUUID(),
        kind: 'prolongation',
        userId: user.id,
        applicationId: application.id,
        permitId: permit.id,
        prefectureId,
        facts: {} as never,
        validUntilOn: addDays(spec.prolongedOn, 90),
        issuedOn: spec.prolongedOn,
        issuedAt: new Date(`${spec.prolongedOn}T10:00:00Z`),
        keyId: 'test',
        payload: `test-${counter}`,
      });
    }
  }
}

/** The set described above. */
export async function insertKnownSet(db: Db): Promise<void> {
  const filed = addDays(TODAY, -25);
  const decisions = [1, 2, 3, 5, 7, 11, 13, 17, 19, 23];
  const specs: Spec[] = [];
  for (let k = 1; k <= 20; k += 1) {
    const prolongedOn = addDays(filed, k);
    if (k <= 10) specs.push({ dep: '75', filedOn: filed, permitUntil: addDays(TODAY, 200), prolongedOn, decidedOn: addDays(filed, decisions[k - 1] as number) });
    else if (k <= 17) specs.push({ dep: '75', filedOn: filed, permitUntil: addDays(prolongedOn, -1), prolongedOn });
    else specs.push({ dep: '75', filedOn: filed, permitUntil: addDays(filed, 2), prolongedOn });
  }
  for (let i = 0; i < 10; i += 1) specs.push({ dep: '75', filedOn: addDays(TODAY, -130), permitUntil: addDays(TODAY, 200) });
  for (let i = 0; i < 9; i += 1) specs.push({ dep: '13', filedOn: filed, permitUntil: addDays(TODAY, 200) });
  await insertApplications(db, specs);
}
