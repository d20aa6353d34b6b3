/**
 * What the calculator's form holds: plain strings as the inputs give them (`''` = not filled in;
 * date inputs give ISO `YYYY-MM-DD`), plus the choices that show or hide parts of the form. It
 * lives in React state only: nothing is stored in the browser, nothing is sent but the one POST.
 */
import type { DecisionKind, PermitKind } from '../../../domain/deadlines/types';
import type { CardTypeId } from '../../../domain/rules/card-types';

export interface DocumentRequestRow {
  /** Stable React key of the row (not sent). */
  readonly key: number;
  readonly requestedOn: string;
  readonly dueOn: string;
  readonly answeredOn: string;
}

/** `none`: no explicit decision yet (the préfecture has not answered, or not yet). */
export type DecisionChoice = 'none' | DecisionKind;

export interface CalculatorFormState {
  readonly department: string;
  readonly permitKind: PermitKind | '';
  readonly cardType: CardTypeId | '';
  readonly validFrom: string;
  readonly validUntil: string;
  /** VLS-TS only. */
  readonly enteredFranceOn: string;
  /** VLS-TS only. */
  readonly vlsTsValidatedOn: string;
  /** "I have already filed my application": shows the application's fields. */
  readonly applied: boolean;
  readonly filedOn: string;
  readonly completeOn: string;
  readonly documentRequests: readonly DocumentRequestRow[];
  readonly decision: DecisionChoice;
  readonly notifiedOn: string;
  readonly reasonsRequestedOn: string;
  readonly reasonsGivenOn: string;
  /** Optional "compute as of another day"; empty = today in Paris, decided by the server. */
  readonly today: string;
}

export const EMPTY_FORM: CalculatorFormState = {
  department: '',
  permitKind: '',
  cardType: '',
  validFrom: '',
  validUntil: '',
  enteredFranceOn: '',
  vlsTsValidatedOn: '',
  applied: false,
  filedOn: '',
  completeOn: '',
  documentRequests: [],
  decision: 'none',
  notifiedOn: '',
  reasonsRequestedOn: '',
  reasonsGivenOn: '',
  today: '',
};

/** The entry date and the validation date only make sense for a VLS-TS. */
export function showsVlsTsFields(form: CalculatorFormState): boolean {
  return form.permitKind === 'vls_ts';
}

/**
 * The reasons of an implicit rejection (CRPA L.232-4) can only be asked for when the préfecture
 * stayed silent: with no decision, or with a refusal that came after the silence. Never after a
 * favourable decision.
 */
export function showsReasonsFields(form: CalculatorFormState): boolean {
  return form.applied && form.decision !== 'favourable';
}

export function showsNotifiedOn(form: CalculatorFormState): boolean {
  return form.applied && form.decision !== 'none';
}

export function addDocumentRequest(form: CalculatorFormState): CalculatorFormState {
  const key = form.documentRequests.reduce((max, row) => Math.max(max, row.key), 0) + 1;
  return { ...form, documentRequests: [...form.documentRequests, { key, requestedOn: '', dueOn: '', answeredOn: '' }] };
}

export function removeDocumentRequest(form: CalculatorFormState, key: number): CalculatorFormState {
  return { ...form, documentRequests: form.documentRequests.filter((row) => row.key !== key) };
}

export function updateDocumentRequest(
  form: CalculatorFormState,
  key: number,
  change: Partial<Omit<DocumentRequestRow, 'key'>>,
): CalculatorFormState {
  return { ...form, documentRequests: form.documentRequests.map((row) => (row.key === key ? { ...row, ...change } : row)) };
}
