/**
 * Semantic validation of the engine's input, after the HTTP schema has checked its shape:
 * impossible dates, unknown codes, and dates in an impossible order. Each issue names the field
 * (`application.documentRequests[0].answeredOn`) so the HTTP layer can answer 400 problem+json.
 */
import { addMonths, formatIsoDate, parseIsoDate, type EpochDay } from '../calendar/epoch-day';
import { isDepartment } from '../departments';
import { CARD_TYPE_IDS, isCardType } from '../rules/card-types';
import { filingWindowOn } from './filing';
import { lookUpRule } from './rule-book';
import { silencePeriodFor, tacitRefusalOf } from './tacit-refusal';
import type { SuspensionFacts } from './facts';
import {
  DECISION_KINDS,
  PERMIT_KINDS,
  type CardTypeId,
  type DeadlineInput,
  type UncheckedDeadlineInput,
  type ValidationCode,
  type ValidationIssue,
} from './types';

/** Dates outside this range are refused: nothing in a residence file is older or that far ahead. */
export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '2199-12-31';

const ISO_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
const EARLIEST = parseIsoDate(EARLIEST_DATE) as EpochDay;
const LATEST = parseIsoDate(LATEST_DATE) as EpochDay;

class Issues {
  readonly list: ValidationIssue[] = [];

  add(field: string, code: ValidationCode, params?: Readonly<Record<string, string | number>>): void {
    this.list.push(params === undefined ? { field, code } : { field, code, params });
  }

  /** The day, or undefined with an issue (none when an optional field is absent). */
  date(field: string, value: string | undefined, required: boolean): EpochDay | undefined {
    if (value === undefined) {
      if (required) this.add(field, 'required');
      return undefined;
    }
    const day = ISO_SHAPE.test(value) ? parseIsoDate(value) : undefined;
    if (day === undefined) {
      this.add(field, ISO_SHAPE.test(value) ? 'impossible_date' : 'invalid_date');
    } else if (day < EARLIEST || day > LATEST) {
      this.add(field, 'out_of_range', { min: EARLIEST_DATE, max: LATEST_DATE });
    } else {
      return day;
    }
    return undefined;
  }

  /**
   * An event of the person's situation. It may lie after today: the calculator is also used for
   * "what if" scenarios (the issue's own example has a decision after today); the engine then
   * adds the `events_after_today` warning (S-04) instead of refusing the input.
   */
  fact(field: string, value: string | undefined, _today: EpochDay | undefined, required = false): EpochDay | undefined {
    return this.date(field, value, required);
  }
}

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

interface PermitDays {
  readonly isVlsTs: boolean;
  readonly validFrom: EpochDay | undefined;
  readonly expiry: EpochDay | undefined;
}

function checkPermit(input: UncheckedDeadlineInput, issues: Issues): PermitDays {
  const { permit } = input;
  if (!isOneOf(PERMIT_KINDS, permit.kind)) issues.add('permit.kind', 'unknown_permit_kind', { allowed: PERMIT_KINDS.join(', ') });
  if (!isCardType(permit.cardType)) issues.add('permit.cardType', 'unknown_card_type', { allowed: CARD_TYPE_IDS.join(', ') });
  const isVlsTs = permit.kind === 'vls_ts';
  const validFrom = issues.date('permit.validFrom', permit.validFrom, true);
  const expiry = issues.date('permit.validUntil', permit.validUntil, true);
  // With an inconsistent validity, the checks comparing other dates with it would only echo it.
  const inconsistent = { isVlsTs, validFrom: undefined, expiry: undefined };
  if (validFrom !== undefined && expiry !== undefined && expiry < validFrom) {
    issues.add('permit.validUntil', 'permit_ends_before_start');
    return inconsistent;
  }
  // A long-stay visa lasts one year at most [R-02] (a printed end one day later is tolerated).
  if (isVlsTs && validFrom !== undefined && expiry !== undefined && expiry > addMonths(validFrom, 12)) {
    issues.add('permit.validUntil', 'vls_ts_longer_than_one_year');
    return inconsistent;
  }
  return { isVlsTs, validFrom, expiry };
}

function checkVlsTs(input: UncheckedDeadlineInput, permit: PermitDays, today: EpochDay | undefined, issues: Issues): void {
  if (!permit.isVlsTs) {
    if (input.vlsTsValidatedOn !== undefined) issues.add('vlsTsValidatedOn', 'only_for_vls_ts');
    return;
  }
  const { validFrom, expiry } = permit;
  const entered = issues.fact('enteredFranceOn', input.enteredFranceOn, today, true);
  if (entered !== undefined && ((validFrom !== undefined && entered < validFrom) || (expiry !== undefined && entered > expiry))) {
    issues.add('enteredFranceOn', 'entered_outside_permit');
  }
  const validated = issues.fact('vlsTsValidatedOn', input.vlsTsValidatedOn, today);
  if (validated === undefined) return;
  if (entered !== undefined && validated < entered) issues.add('vlsTsValidatedOn', 'validated_before_entry');
  else if (expiry !== undefined && validated > expiry) issues.add('vlsTsValidatedOn', 'validated_after_expiry');
}

type UncheckedApplication = NonNullable<UncheckedDeadlineInput['application']>;
type UncheckedDocumentRequest = NonNullable<UncheckedApplication['documentRequests']>[number];

function checkApplication(input: UncheckedDeadlineInput, permit: PermitDays, today: EpochDay | undefined, issues: Issues): void {
  const application = input.application;
  if (application === undefined) return;
  const filed = issues.fact('application.filedOn', application.filedOn, today, true);
  if (filed !== undefined && permit.validFrom !== undefined && filed < permit.validFrom) {
    issues.add('application.filedOn', 'filed_before_permit');
  } else if (filed !== undefined && permit.expiry !== undefined) {
    const window = filingWindowOn(permit.expiry);
    // Policy 2: filing before the window opens is refused, with the opening date.
    if (filed < window.opens) issues.add('application.filedOn', 'filed_before_window', { opensOn: formatIsoDate(window.opens) });
  }

  const notified = checkDecision(application, filed, today, issues);
  const complete = issues.fact('application.completeOn', application.completeOn, today);
  if (complete !== undefined && filed !== undefined && complete < filed) issues.add('application.completeOn', 'complete_before_filed');
  else if (complete !== undefined && notified !== undefined && complete > notified) issues.add('application.completeOn', 'complete_after_decision');

  const suspensions = checkDocumentRequests(application.documentRequests ?? [], filed, notified, today, issues);
  const requested = issues.fact('application.reasonsRequestedOn', application.reasonsRequestedOn, today);
  const given = issues.fact('application.reasonsGivenOn', application.reasonsGivenOn, today);
  if (application.reasonsGivenOn !== undefined && application.reasonsRequestedOn === undefined) {
    issues.add('application.reasonsGivenOn', 'reasons_given_without_request');
  } else if (given !== undefined && requested !== undefined && given < requested) {
    issues.add('application.reasonsGivenOn', 'reasons_given_before_request');
  }
  if (requested !== undefined && filed !== undefined && suspensions !== undefined && isCardType(input.permit.cardType)) {
    checkReasonsRequest(requested, filed, input.permit.cardType, suspensions, notified, issues);
  }
}

/** The notification day, when the decision is valid. */
function checkDecision(application: UncheckedApplication, filed: EpochDay | undefined, today: EpochDay | undefined, issues: Issues): EpochDay | undefined {
  const decision = application.decision;
  if (decision === undefined) return undefined;
  if (!isOneOf(DECISION_KINDS, decision.kind)) issues.add('application.decision.kind', 'unknown_decision_kind', { allowed: DECISION_KINDS.join(', ') });
  const notified = issues.fact('application.decision.notifiedOn', decision.notifiedOn, today, true);
  if (notified === undefined || filed === undefined || notified >= filed) return notified;
  issues.add('application.decision.notifiedOn', 'decision_before_filed');
  return undefined;
}

/** The suspensions, when every request is valid. */
function checkDocumentRequests(
  requests: readonly UncheckedDocumentRequest[],
  filed: EpochDay | undefined,
  notified: EpochDay | undefined,
  today: EpochDay | undefined,
  issues: Issues,
): SuspensionFacts[] | undefined {
  const before = issues.list.length;
  const suspensions: SuspensionFacts[] = [];
  requests.forEach((request, index) => {
    const field = (name: string): string => `application.documentRequests[${index}].${name}`;
    const requested = issues.fact(field('requestedOn'), request.requestedOn, today, true);
    const due = issues.date(field('dueOn'), request.dueOn, true);
    const answered = issues.fact(field('answeredOn'), request.answeredOn, today);
    if (requested === undefined) return;
    if (filed !== undefined && requested < filed) issues.add(field('requestedOn'), 'request_before_filed');
    else if (notified !== undefined && requested > notified) issues.add(field('requestedOn'), 'request_after_decision');
    if (due !== undefined && due < requested) issues.add(field('dueOn'), 'due_before_request');
    if (answered !== undefined && answered < requested) issues.add(field('answeredOn'), 'answer_before_request');
    if (due !== undefined) suspensions.push({ requested, due, answered });
  });
  return issues.list.length === before ? suspensions : undefined;
}

/** CRPA L.232-4: reasons can be asked for only once an implicit rejection has arisen. */
function checkReasonsRequest(
  requested: EpochDay,
  filed: EpochDay,
  cardType: CardTypeId,
  suspensions: readonly SuspensionFacts[],
  notified: EpochDay | undefined,
  issues: Issues,
): void {
  const period = silencePeriodFor(cardType, lookUpRule('R-41', filed).version.params);
  const tacit = tacitRefusalOf(filed, period, suspensions).on;
  if (notified !== undefined && notified <= tacit) {
    issues.add('application.reasonsRequestedOn', 'reasons_without_tacit_refusal');
  } else if (requested <= tacit) {
    issues.add('application.reasonsRequestedOn', 'reasons_before_tacit_refusal', { tacitRefusalOn: formatIsoDate(tacit) });
  }
}

export function validateDeadlineInput(input: UncheckedDeadlineInput): ValidationIssue[] {
  const issues = new Issues();
  const today = issues.date('today', input.today, true);
  if (!isDepartment(input.department)) issues.add('department', 'unknown_department');
  const permit = checkPermit(input, issues);
  checkVlsTs(input, permit, today, issues);
  checkApplication(input, permit, today, issues);
  return issues.list;
}

export type ParsedDeadlineInput =
  | { readonly ok: true; readonly input: DeadlineInput }
  | { readonly ok: false; readonly issues: readonly ValidationIssue[] };

/** Validates, and on success narrows the input to the engine's type. */
export function parseDeadlineInput(input: UncheckedDeadlineInput): ParsedDeadlineInput {
  const issues = validateDeadlineInput(input);
  // Every free string of UncheckedDeadlineInput has been checked against its known values.
  return issues.length === 0 ? { ok: true, input: input as DeadlineInput } : { ok: false, issues };
}
