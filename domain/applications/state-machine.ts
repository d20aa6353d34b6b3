/**
 * The one transition table of an application's status (conventions, habit 3). Nothing else
 * changes a status: a use case calls `transition(state, event, actor, today)`, applies the
 * returned state and effects, and appends one history row in the same database transaction.
 *
 * ```
 * draft ──submit──▶ submitted ──declareComplete──▶ complete ──decideFavourably──▶ decided_favourable
 *                    │    ▲                           │
 *      requestDocuments  answerRequest                 refuse ──▶ refused (also from submitted,
 *                    ▼    │                                        documents_requested)
 *              documents_requested
 * withdraw: from draft, submitted, documents_requested, complete ──▶ withdrawn
 * addDocument: submitted, documents_requested, complete ──▶ (same status, a history row)
 * correctDetails: submitted, documents_requested, complete ──▶ (same status, a history row with old → new)
 * recordTacitRefusal (system): submitted, documents_requested, complete ──▶ (same status, a history row)
 * ```
 * (docs/adr/0005-applications-and-documents.md has the diagram.)
 */
import { toEpochDay, type IsoDate } from '../calendar/epoch-day';
import type { PermitKind } from '../rules/legal-rules';
import { decideFiling, type AcceptedFiling } from './filing-decision';
import type { ActorKind, ApplicationEventType, ApplicationState, ApplicationStatus } from './types';

export interface Actor {
  readonly kind: ActorKind;
}

export type ApplicationEvent =
  | {
      readonly type: 'submit';
      /** The permit the application follows: its expiry date decides the filing window. */
      readonly permit: { readonly kind: PermitKind; readonly validUntil: IsoDate };
      /** Checklist items needed to file that hold no document (see `missingDocuments`). */
      readonly missingDocuments: readonly string[];
      /** Situation questions of the card type not answered yet. */
      readonly unansweredQuestions: readonly string[];
    }
  | { readonly type: 'requestDocuments'; readonly dueOn: IsoDate; readonly items: readonly string[] }
  | { readonly type: 'answerRequest' }
  | { readonly type: 'declareComplete' }
  | { readonly type: 'decideFavourably' }
  | { readonly type: 'refuse' }
  | { readonly type: 'withdraw' }
  | { readonly type: 'addDocument'; readonly checklistItemId: string }
  /** The person corrects their details after filing; `changes` lists each field's old and new value. */
  | { readonly type: 'correctDetails'; readonly changes: readonly DetailChange[] }
  /** The daily job: the engine's `tacit_refusal_on` has passed with no decision. */
  | { readonly type: 'recordTacitRefusal'; readonly tacitRefusalOn: IsoDate };

/** One corrected field: `answers.marriedOrHasChildren`, from `false` to `true` (null: not answered). */
export interface DetailChange {
  readonly field: string;
  readonly from: boolean | string | null;
  readonly to: boolean | string | null;
}

/** What the use case must write besides the status. */
export type TransitionEffect =
  /** The filing date is today; `filing` says whether it is late and what that means. */
  | { readonly kind: 'file'; readonly filedOn: IsoDate; readonly filing: AcceptedFiling }
  /** the préfecture asks for documents; the filing date is kept. */
  | { readonly kind: 'open_document_request'; readonly requestedOn: IsoDate; readonly dueOn: IsoDate; readonly items: readonly string[] }
  /** `late`: answered after the due date; still accepted (the filing date is kept), and flagged. */
  | { readonly kind: 'answer_document_request'; readonly answeredOn: IsoDate; readonly late: boolean }
  | { readonly kind: 'record_complete'; readonly completeOn: IsoDate }
  | { readonly kind: 'record_decision'; readonly decision: 'favourable' | 'refusal'; readonly decidedOn: IsoDate }
  | { readonly kind: 'record_withdrawal'; readonly withdrawnOn: IsoDate }
  | { readonly kind: 'record_document'; readonly checklistItemId: string }
  | { readonly kind: 'record_correction'; readonly correctedOn: IsoDate; readonly changes: readonly DetailChange[] }
  /** The implicit rejection arose at the end of `arisenOn`; recorded on `recordedOn`. */
  | { readonly kind: 'record_tacit_refusal'; readonly arisenOn: IsoDate; readonly recordedOn: IsoDate };

export type TransitionRefusal =
  | { readonly code: 'actor_not_allowed'; readonly event: ApplicationEventType; readonly actor: ActorKind }
  | { readonly code: 'event_not_allowed'; readonly event: ApplicationEventType; readonly status: ApplicationStatus }
  | { readonly code: 'filing_too_early'; readonly opensOn: IsoDate; readonly closesOn: IsoDate }
  | { readonly code: 'documents_missing'; readonly items: readonly string[] }
  | { readonly code: 'questions_unanswered'; readonly questions: readonly string[] }
  | { readonly code: 'no_items_requested' }
  | { readonly code: 'due_date_not_after_today'; readonly dueOn: IsoDate }
  | { readonly code: 'nothing_corrected' }
  | { readonly code: 'tacit_refusal_not_arisen'; readonly tacitRefusalOn: IsoDate };

export type TransitionResult =
  | { readonly ok: true; readonly from: ApplicationStatus; readonly state: ApplicationState; readonly effects: readonly TransitionEffect[] }
  | { readonly ok: false; readonly refusal: TransitionRefusal };

interface TransitionRule {
  readonly from: readonly ApplicationStatus[];
  /** `null`: the status does not change (the event is only recorded in the history). */
  readonly to: ApplicationStatus | null;
  readonly actors: readonly ActorKind[];
}

const PERSON = ['applicant', 'representative', 'help_desk'] as const satisfies readonly ActorKind[];
const PREFECTURE = ['agent'] as const satisfies readonly ActorKind[];
const SYSTEM = ['system'] as const satisfies readonly ActorKind[];

/**
 * The table. `system` records the implicit rejection (the daily `applications.record-tacit-refusals`
 * job); the status stays open because the préfecture may still decide explicitly (ADR 0018).
 */
export const TRANSITIONS: Readonly<Record<ApplicationEventType, TransitionRule>> = {
  submit: { from: ['draft'], to: 'submitted', actors: PERSON },
  requestDocuments: { from: ['submitted'], to: 'documents_requested', actors: PREFECTURE },
  answerRequest: { from: ['documents_requested'], to: 'submitted', actors: PERSON },
  declareComplete: { from: ['submitted'], to: 'complete', actors: PREFECTURE },
  decideFavourably: { from: ['complete'], to: 'decided_favourable', actors: PREFECTURE },
  refuse: { from: ['submitted', 'documents_requested', 'complete'], to: 'refused', actors: PREFECTURE },
  withdraw: { from: ['draft', 'submitted', 'documents_requested', 'complete'], to: 'withdrawn', actors: PERSON },
  addDocument: { from: ['submitted', 'documents_requested', 'complete'], to: null, actors: PERSON },
  correctDetails: { from: ['submitted', 'documents_requested', 'complete'], to: null, actors: PERSON },
  recordTacitRefusal: { from: ['submitted', 'documents_requested', 'complete'], to: null, actors: SYSTEM },
};

/** Whether `event` may happen in `status` for `actor`, before any guard on the event's data. */
export function isAllowed(status: ApplicationStatus, event: ApplicationEventType, actor: ActorKind): boolean {
  const rule = TRANSITIONS[event];
  return rule.from.includes(status) && rule.actors.includes(actor);
}

export function transition(state: ApplicationState, event: ApplicationEvent, actor: Actor, today: IsoDate): TransitionResult {
  const rule = TRANSITIONS[event.type];
  if (!rule.actors.includes(actor.kind)) return refuse({ code: 'actor_not_allowed', event: event.type, actor: actor.kind });
  if (!rule.from.includes(state.status)) return refuse({ code: 'event_not_allowed', event: event.type, status: state.status });
  const to = rule.to ?? state.status;
  const next = (changes: Partial<ApplicationState>, ...effects: TransitionEffect[]): TransitionResult => ({
    ok: true,
    from: state.status,
    state: { ...state, ...changes, status: to },
    effects,
  });

  switch (event.type) {
    case 'submit': {
      const filing = decideFiling({ validUntil: event.permit.validUntil, permitKind: event.permit.kind, filedOn: today });
      if (filing.kind === 'too_early') return refuse({ code: 'filing_too_early', opensOn: filing.opensOn, closesOn: filing.closesOn });
      if (event.unansweredQuestions.length > 0) return refuse({ code: 'questions_unanswered', questions: event.unansweredQuestions });
      if (event.missingDocuments.length > 0) return refuse({ code: 'documents_missing', items: event.missingDocuments });
      return next({ filedOn: today }, { kind: 'file', filedOn: today, filing });
    }
    case 'requestDocuments': {
      if (event.items.length === 0) return refuse({ code: 'no_items_requested' });
      if (toEpochDay(event.dueOn) <= toEpochDay(today)) return refuse({ code: 'due_date_not_after_today', dueOn: event.dueOn });
      // asking for documents keeps the filing date (only the silence period is suspended, R-42).
      const openRequest = { requestedOn: today, dueOn: event.dueOn };
      return next({ openRequest }, { kind: 'open_document_request', requestedOn: today, dueOn: event.dueOn, items: event.items });
    }
    case 'answerRequest': {
      // A late answer is still taken (the filing date is kept whatever happens, R-20); it is flagged.
      const late = state.openRequest !== undefined && toEpochDay(today) > toEpochDay(state.openRequest.dueOn);
      return next({ openRequest: undefined }, { kind: 'answer_document_request', answeredOn: today, late });
    }
    case 'declareComplete':
      return next({ completeOn: today }, { kind: 'record_complete', completeOn: today });
    case 'decideFavourably':
      return next({}, { kind: 'record_decision', decision: 'favourable', decidedOn: today });
    case 'refuse':
      return next({ openRequest: undefined }, { kind: 'record_decision', decision: 'refusal', decidedOn: today });
    case 'withdraw':
      return next({ openRequest: undefined }, { kind: 'record_withdrawal', withdrawnOn: today });
    case 'addDocument':
      return next({}, { kind: 'record_document', checklistItemId: event.checklistItemId });
    case 'correctDetails':
      if (event.changes.length === 0) return refuse({ code: 'nothing_corrected' });
      return next({}, { kind: 'record_correction', correctedOn: today, changes: event.changes });
    case 'recordTacitRefusal':
      // it arises at the end of its day, so it is recorded from the day after.
      if (toEpochDay(today) <= toEpochDay(event.tacitRefusalOn)) return refuse({ code: 'tacit_refusal_not_arisen', tacitRefusalOn: event.tacitRefusalOn });
      return next({}, { kind: 'record_tacit_refusal', arisenOn: event.tacitRefusalOn, recordedOn: today });
  }
}

function refuse(refusal: TransitionRefusal): TransitionResult {
  return { ok: false, refusal };
}
