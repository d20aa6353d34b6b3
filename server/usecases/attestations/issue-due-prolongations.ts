/**
 * Issues the attestations de prolongation de l'instruction that are due [R-31, policy 4], without
 * anyone having to ask: for each application filed in time that is still pending (submitted,
 * documents requested, or complete), the deadline engine gives the prolongation periods from the
 * day after the current permit expires, each 3 months, renewed until the decision. Every period
 * that has begun, or begins tomorrow (issued on the last day of the document it follows, so the
 * holder is never a day without one), and has no attestation yet is issued — in order, so a renewal
 * supersedes the previous prolongation and verification then says so.
 *
 * "Complete" is the filing date: Sejour accepts a filing only with every required document, and
 * since R.431-11 (June 2025) a later request for documents keeps the filing date and with it the
 * right to the attestation (issue 4). A service that was down catches up: the missed periods are
 * issued at once, the newest last.
 *
 * An application an agent blocked (`prolongation_blocked_at`, with a written reason) is skipped
 * until the block is lifted (server/usecases/back-office/block-prolongation.ts).
 *
 * Idempotent and safe with several workers: each application is handled in its own transaction
 * holding the application's row lock, and a period is issued only if no prolongation of the
 * application already ends on that period's last day.
 */
import { and, eq, gt, inArray, isNotNull, isNull, lte, notExists, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Keyring } from '../../adapters/signing/keyring';
import { applications, attestations, permits, prefectures } from '../../db/schema/index';
import { computeDeadlines } from '../../../domain/deadlines/index';
import { addDays, formatIsoDate, toEpochDay, type IsoDate } from '../../../domain/calendar/epoch-day';
import { lookUpRule } from '../../../domain/deadlines/rule-book';
import { foreignerNumberOf } from '../applications/queries';
import { issueAttestation } from './issue-attestation';

const PENDING = ['submitted', 'documents_requested', 'complete'] as const;

export interface ProlongationContext {
  db: Db;
  keys: () => Keyring;
  now: () => Date;
}

export interface ProlongationRun {
  applications: number;
  issued: number;
}

export async function issueDueProlongations(ctx: ProlongationContext, today: IsoDate): Promise<ProlongationRun> {
  const tomorrow = formatIsoDate(addDays(toEpochDay(today), 1));
  // Candidates: pending, filed in time, and the permit ends by tomorrow (later ones owe nothing yet).
  const candidates = await ctx.db
    .select({ id: applications.id })
    .from(applications)
    .innerJoin(permits, eq(permits.id, applications.permitId))
    .where(
      and(
        inArray(applications.status, [...PENDING]),
        eq(applications.filingStatus, 'in_time'),
        isNotNull(applications.filedOn),
        // An agent held them back with a written reason (block-prolongation.ts).
        isNull(applications.prolongationBlockedAt),
        // The permit's last day has come: its successor is due tomorrow at the latest.
        lte(permits.validUntilOn, today),
        // …and no current prolongation covers beyond today (most pending applications, every
        // hour: they are skipped by the index on attestations.application_id).
        notExists(
          ctx.db
            .select({ one: sql`1` })
            .from(attestations)
            .where(
              and(
                eq(attestations.applicationId, applications.id),
                eq(attestations.kind, 'prolongation'),
                isNull(attestations.supersededAt),
                gt(attestations.validUntilOn, today),
              ),
            ),
        ),
      ),
    );
  let issued = 0;
  for (const { id } of candidates) {
    issued += await ctx.db.transaction(async (tx) => issueForApplication(tx as unknown as Db, ctx, id, today, tomorrow));
  }
  return { applications: candidates.length, issued };
}

/**
 * The prolongations due for one application, in the caller's transaction. `inAdvance` (the agent
 * declares the file complete): the first one is issued now even if it starts later, valid from
 * the day after the permit ends, so the person holds it before they need it.
 */
export async function issueProlongationsFor(tx: Db, ctx: ProlongationContext, applicationId: string, today: IsoDate, options: { inAdvance?: boolean } = {}): Promise<number> {
  return issueForApplication(tx, ctx, applicationId, today, formatIsoDate(addDays(toEpochDay(today), 1)), options.inAdvance ?? false);
}

async function issueForApplication(tx: Db, ctx: ProlongationContext, applicationId: string, today: IsoDate, tomorrow: IsoDate, inAdvance = false): Promise<number> {
  const [application] = await tx.select().from(applications).where(eq(applications.id, applicationId)).for('update');
  if (!application || !PENDING.includes(application.status as (typeof PENDING)[number]) || application.filingStatus !== 'in_time' || !application.filedOn) return 0;
  if (application.prolongationBlockedAt) return 0;
  const [permit] = await tx.select().from(permits).where(eq(permits.id, application.permitId));
  const [prefecture] = await tx.select().from(prefectures).where(eq(prefectures.id, application.prefectureId));
  if (!permit || !prefecture) return 0;

  const result = computeDeadlines({
    permit: { kind: permit.kind, cardType: permit.cardType, validFrom: permit.validFromOn, validUntil: permit.validUntilOn },
    ...(permit.enteredFranceOn ? { enteredFranceOn: permit.enteredFranceOn } : {}),
    department: prefecture.departementCode,
    application: { filedOn: application.filedOn, completeOn: application.filedOn },
    // Seen from tomorrow: the engine then projects the period that starts tomorrow, due today.
    today: tomorrow,
  });
  const periods = result.coverage.filter((period) => period.document === 'prolongation_attestation' && period.until !== undefined);
  const existing = await tx
    .select({ validUntilOn: attestations.validUntilOn })
    .from(attestations)
    .where(and(eq(attestations.applicationId, application.id), eq(attestations.kind, 'prolongation')));
  const issuedUntil = new Set(existing.map((row) => row.validUntilOn));
  const due = periods.filter((period, index) => period.from <= tomorrow || (inAdvance && index === 0 && existing.length === 0));
  if (due.length === 0) return 0;
  const foreignerNumber = await foreignerNumberOf(tx, application.userId);
  let count = 0;
  for (const period of due) {
    if (issuedUntil.has(period.until!)) continue;
    await issueAttestation(tx, { keys: ctx.keys, now: ctx.now }, {
      kind: 'prolongation',
      userId: application.userId,
      prefectureId: application.prefectureId,
      applicationId: application.id,
      permitId: permit.id,
      reference: application.reference,
      cardType: application.cardType,
      foreignerNumber,
      dates: [
        { id: 'filed_on', on: application.filedOn, ruleId: 'R-10', citation: citationOn('R-10', application.filedOn) },
        { id: 'valid_from', on: period.from, ruleId: 'R-31', citation: citationOn('R-31', period.from) },
        { id: 'valid_until', on: period.until!, ruleId: 'R-31', citation: citationOn('R-31', period.from) },
      ],
      validUntilOn: period.until!,
      issuedOn: today,
    });
    count++;
  }
  return count;
}

function citationOn(rule: 'R-10' | 'R-31', day: IsoDate): string {
  return lookUpRule(rule, toEpochDay(day)).version.citation;
}
