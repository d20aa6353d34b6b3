/**
 * Registered letters to the préfecture (issue 8, "when nothing works"): which letter may be sent
 * when, and on which rules it rests. Pure: the application's facts and today come in; what comes
 * out is the letter's kind, its legal grounds (rule ids with the citation of the version in force
 * on the relevant day, from domain/rules) and its dates. The words live in locales/{fr,en}/letters.json
 * and the PDF in server/adapters/pdf/letter-pdf.ts (docs/adr/0018-letters-and-help.md).
 */
import { addMonths, formatIsoDate, toEpochDay, type IsoDate } from '../calendar/epoch-day';
import { RULES, type RuleId } from '../rules/legal-rules';
import { versionOn } from '../rules/rule';
import type { ApplicationStatus } from '../applications/types';

export const LETTER_KINDS = ['no_answer', 'reasons_request'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export function isLetterKind(value: string): value is LetterKind {
  return (LETTER_KINDS as readonly string[]).includes(value);
}

/** The rules each letter cites, in the order the letter states them. */
export const LETTER_RULES: Readonly<Record<LetterKind, readonly RuleId[]>> = {
  // The filing and the pending silence period; the attestation de prolongation owed meanwhile.
  no_answer: ['R-41', 'R-42', 'R-31'],
  // The implicit rejection, the right to its reasons within one month, and the court deadline.
  reasons_request: ['R-41', 'R-58', 'R-56'],
};

export interface LetterFacts {
  readonly status: ApplicationStatus;
  readonly filedOn: IsoDate | null;
  /** The day silence becomes an implicit rejection (the deadline engine's `tacit_refusal_on`), if known. */
  readonly tacitRefusalOn: IsoDate | null;
  /** The last day the reasons may be asked (the engine's `reasons_request_deadline`), if known. */
  readonly reasonsRequestDeadline: IsoDate | null;
}

export type LetterAvailability =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'not_filed' | 'decided' | 'no_tacit_refusal_yet' | 'reasons_deadline_passed' };

const PENDING: readonly ApplicationStatus[] = ['submitted', 'documents_requested', 'complete'];

/**
 * (a) `no_answer`: any filed application still pending. (b) `reasons_request`: once the implicit
 * rejection has arisen (the day after `tacitRefusalOn`: it arises at the end of that day, R-41)
 * and no explicit decision replaced it, until the last day to ask (R-58: within the court deadline).
 */
export function letterAvailability(kind: LetterKind, facts: LetterFacts, today: IsoDate): LetterAvailability {
  if (facts.filedOn === null || facts.status === 'draft' || facts.status === 'withdrawn') return { ok: false, reason: 'not_filed' };
  if (!PENDING.includes(facts.status)) return { ok: false, reason: 'decided' };
  if (kind === 'no_answer') return { ok: true };
  if (facts.tacitRefusalOn === null || toEpochDay(today) <= toEpochDay(facts.tacitRefusalOn)) return { ok: false, reason: 'no_tacit_refusal_yet' };
  if (facts.reasonsRequestDeadline !== null && toEpochDay(today) > toEpochDay(facts.reasonsRequestDeadline)) return { ok: false, reason: 'reasons_deadline_passed' };
  return { ok: true };
}

export interface LetterGround {
  readonly ruleId: RuleId;
  readonly citation: string;
}

/** The citations of the letter's rules, each in the version in force on the filing day or today. */
export function letterGrounds(kind: LetterKind, filedOn: IsoDate, today: IsoDate): LetterGround[] {
  return LETTER_RULES[kind].map((ruleId) => {
    const day = ruleId === 'R-41' || ruleId === 'R-42' ? filedOn : today;
    const rule = RULES[ruleId] as Parameters<typeof versionOn>[0];
    return { ruleId, citation: versionOn(rule, toEpochDay(day)).version.citation };
  });
}

/** the reasons are due one month after the request (the letter's date, a month rule). */
export function reasonsDueOn(requestedOn: IsoDate): IsoDate {
  const day = toEpochDay(requestedOn);
  return formatIsoDate(addMonths(day, versionOn(RULES['R-58'], day).version.params.answerMonths));
}

/** The situations the help page (/aide) explains, and that the application page links to it for. */
export const HELP_SITUATIONS = ['no_answer', 'tacit_refusal', 'refusal'] as const;
export type HelpSituation = (typeof HELP_SITUATIONS)[number];

/**
 * The help an application calls for today: `refusal` once refused; `tacit_refusal` once silence
 * became an implicit rejection (the day after `tacitRefusalOn`, R-41) with no decision; `no_answer`
 * while it is pending before that; none for a draft, a withdrawal or a favourable decision.
 */
export function helpSituationOf(facts: Pick<LetterFacts, 'status' | 'filedOn' | 'tacitRefusalOn'>, today: IsoDate): HelpSituation | null {
  if (facts.status === 'refused') return 'refusal';
  if (facts.filedOn === null || !PENDING.includes(facts.status)) return null;
  if (facts.tacitRefusalOn !== null && toEpochDay(today) > toEpochDay(facts.tacitRefusalOn)) return 'tacit_refusal';
  return 'no_answer';
}

/** The letters offered on the application page today (the route checks again, with the reasons deadline). */
export function lettersOffered(facts: LetterFacts, today: IsoDate): LetterKind[] {
  return LETTER_KINDS.filter((kind) => letterAvailability(kind, facts, today).ok);
}
