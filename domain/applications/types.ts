/**
 * The words of an application's life: statuses (snake_case, identical in TypeScript and the
 * database), events (verbs), and the kinds of actor who may cause them.
 */
import type { IsoDate } from '../calendar/epoch-day';

export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'documents_requested',
  'complete',
  'decided_favourable',
  'refused',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Statuses after which nothing more happens to the application. */
export const FINAL_STATUSES = ['decided_favourable', 'refused', 'withdrawn'] as const satisfies readonly ApplicationStatus[];

/** Filed and not yet decided or withdrawn: the préfecture is examining it. */
export const OPEN_FILED_STATUSES = ['submitted', 'documents_requested', 'complete'] as const satisfies readonly ApplicationStatus[];

export function isFinalStatus(status: ApplicationStatus): boolean {
  return (FINAL_STATUSES as readonly ApplicationStatus[]).includes(status);
}

export const APPLICATION_EVENTS = [
  'submit',
  'requestDocuments',
  'answerRequest',
  'declareComplete',
  'decideFavourably',
  'refuse',
  'withdraw',
  /** Not a change of status: a document sent after filing, kept in the history. */
  'addDocument',
  /** Not a change of status: the person corrects their own details after filing (old → new kept). */
  'correctDetails',
  /** Not a change of status: silence became an implicit rejection; the system records it (the préfecture may still decide). */
  'recordTacitRefusal',
] as const;
export type ApplicationEventType = (typeof APPLICATION_EVENTS)[number];

/** History rows also record the creation of the draft, which is not a transition. */
export const HISTORY_EVENTS = [
  'create',
  ...APPLICATION_EVENTS,
  /** Back-office acts that do not change the status (docs/adr/0019-back-office-flags-and-dashboard.md). */
  'assign',
  'blockProlongation',
  'unblockProlongation',
] as const;
export type HistoryEventType = (typeof HISTORY_EVENTS)[number];

/**
 * `help_desk`: a préfecture agent filing for the person at the desk, the substitution route
 * (docs/adr/0020-help-desk-substitution.md) — the person's own acts, typed by the agent.
 */
export const ACTOR_KINDS = ['applicant', 'representative', 'help_desk', 'agent', 'system'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** What the transition table needs to know about the application. */
export interface ApplicationState {
  readonly status: ApplicationStatus;
  readonly filedOn?: IsoDate;
  readonly completeOn?: IsoDate;
  /** The préfecture's request for documents that is awaiting an answer, if any. */
  readonly openRequest?: { readonly requestedOn: IsoDate; readonly dueOn: IsoDate };
}
