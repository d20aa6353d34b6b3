/**
 * The personal space at a glance. The deadline engine runs on the person's current permit (the one
 * expiring last) and the application filed on it, if any (not withdrawn), in the département of
 * that application's préfecture, else of the VLS-TS validation, else of the profile's address.
 */
import { asc, desc, eq, inArray } from 'drizzle-orm';
import { applicantProfiles, applications, documentRequests, prefectures, profileChanges } from '../../db/schema/index';
import { computeDeadlines, parseDeadlineInput, todayInParis, type UncheckedDeadlineInput } from '../../../domain/deadlines/index';
import { RULES } from '../../../domain/rules/legal-rules';
import { versionOn } from '../../../domain/rules/rule';
import { toEpochDay } from '../../../domain/calendar/epoch-day';
import type { OverviewBody } from '../../../contract/overview';
import { presentPermit, presentSummary } from '../applications/present';
import { departementOf, permitsOf, validationOf, type ApplicationRow, type PermitRow, type PrefectureRow } from '../applications/queries';
import { addressDeclarationsOf } from '../profile/get-profile';
import type { Caller, ProfileContext } from '../profile/context';

/** Used for the holidays of court deadlines when no département is known yet. */
const FALLBACK_DEPARTEMENT = '75';

/** Dates about when to file: no longer ahead once the application is filed. */
const FILING_DATE_IDS: ReadonlySet<string> = new Set(['application_window_opens', 'application_window_closes', 'late_fee_applies_from', 'entry_conditions_again_from']);

type Facts = { application: ApplicationRow; prefecture: PrefectureRow } | undefined;

function decisionOf(application: ApplicationRow): { kind: string; notifiedOn: string } | undefined {
  if (!application.decidedOn) return undefined;
  if (application.status === 'decided_favourable') return { kind: 'favourable', notifiedOn: application.decidedOn };
  if (application.status === 'refused') return { kind: 'refusal', notifiedOn: application.decidedOn };
  return undefined;
}

export async function getOverview(ctx: ProfileContext, caller: Caller): Promise<OverviewBody> {
  const today = todayInParis(ctx.now());
  const userId = caller.id;
  const [profile] = await ctx.db.select().from(applicantProfiles).where(eq(applicantProfiles.userId, userId));
  const permitRows = await permitsOf(ctx.db, userId);
  const validations = await validationOf(ctx.db, permitRows.map((p) => p.id));
  const rows = await ctx.db
    .select({ application: applications, prefecture: prefectures })
    .from(applications)
    .innerJoin(prefectures, eq(prefectures.id, applications.prefectureId))
    .where(eq(applications.userId, userId))
    .orderBy(desc(applications.createdAt), desc(applications.id));

  const requestRows = rows.length
    ? await ctx.db
        .select()
        .from(documentRequests)
        .where(inArray(documentRequests.applicationId, rows.map((r) => r.application.id)))
        .orderBy(asc(documentRequests.requestedOn))
    : [];

  const current: PermitRow | undefined = permitRows[0];
  let coverage: OverviewBody['coverage'] = null;
  let nextDeadline: OverviewBody['nextDeadline'] = null;
  if (current) {
    const filed: Facts = rows.find((r) => r.application.permitId === current.id && r.application.filedOn && r.application.status !== 'withdrawn');
    const departement = filed?.prefecture.departementCode ?? (await departementOf(ctx.db, userId)) ?? profile?.departementCode ?? FALLBACK_DEPARTEMENT;
    const base: UncheckedDeadlineInput = {
      permit: { kind: current.kind, cardType: current.cardType, validFrom: current.validFromOn, validUntil: current.validUntilOn },
      ...(current.enteredFranceOn ? { enteredFranceOn: current.enteredFranceOn } : {}),
      ...(current.validatedOn ? { vlsTsValidatedOn: current.validatedOn } : {}),
      department: departement,
      today,
    };
    const withApplication: UncheckedDeadlineInput | undefined = filed
      ? {
          ...base,
          application: {
            filedOn: filed.application.filedOn!,
            ...(filed.application.completeOn ? { completeOn: filed.application.completeOn } : {}),
            documentRequests: requestRows
              .filter((request) => request.applicationId === filed.application.id)
              .map((request) => ({ requestedOn: request.requestedOn, dueOn: request.dueOn, ...(request.answeredOn ? { answeredOn: request.answeredOn } : {}) })),
            ...(decisionOf(filed.application) ? { decision: decisionOf(filed.application)! } : {}),
          },
        }
      : undefined;
    // The application's facts are the engine's to check; if it refuses them (data recorded before a
    // rule changed), the permit alone still gives a truthful, if less complete, answer.
    const parsedWith = withApplication ? parseDeadlineInput(withApplication) : undefined;
    const parsed = parsedWith?.ok ? parsedWith : parseDeadlineInput(base);
    if (parsed.ok) {
      const result = computeDeadlines(parsed.input);
      const rule = RULES[result.today.ruleId];
      coverage = {
        covered: result.today.covered,
        document: result.today.document,
        until: result.today.until ?? null,
        ruleId: result.today.ruleId,
        citation: versionOn(rule, toEpochDay(today)).version.citation,
        permitId: current.id,
        applicationId: parsedWith?.ok && filed ? filed.application.id : null,
      };
      // Once an application is filed, the filing window's dates are history, not deadlines.
      const filedCounted = parsedWith?.ok === true;
      const next = result.dates.find((date) => date.kind === 'legal' && date.on >= today && !(filedCounted && FILING_DATE_IDS.has(date.id)));
      if (next) nextDeadline = { id: next.id, on: next.on, ruleId: next.ruleId, citation: next.citation, explanation: next.explanation };
    }
  }

  const references = new Map(rows.map((r) => [r.application.id, r.application.reference]));
  const openRequests = requestRows
    .filter((request) => request.answeredOn === null)
    .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0))
    .map((request) => ({
      applicationId: request.applicationId,
      reference: references.get(request.applicationId) ?? null,
      requestId: request.id,
      requestedOn: request.requestedOn,
      dueOn: request.dueOn,
      items: [...request.items],
    }));

  const changes = await ctx.db.select().from(profileChanges).where(eq(profileChanges.userId, userId)).orderBy(desc(profileChanges.changedAt));

  return {
    today,
    profileComplete: Boolean(profile?.addressLine1),
    coverage,
    nextDeadline,
    permits: permitRows.map((permit) => presentPermit(permit, validations.get(permit.id), today)),
    applications: rows.map((r) => presentSummary(r.application, r.prefecture)),
    openRequests,
    addressDeclarations: await addressDeclarationsOf(ctx.db, userId, changes),
  };
}
