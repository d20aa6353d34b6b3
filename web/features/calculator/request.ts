/**
 * From the form to `POST /api/v1/deadlines`, and from the server's field errors back to the form.
 *
 * - `buildDeadlineRequest`: the request body (only what applies: no VLS-TS dates on a card, no
 *   application unless one was filed, nothing empty), or the required fields left empty.
 * - Field paths are the API's (`permit.validUntil`, `application.documentRequests[0].answeredOn`):
 *   `fieldId` turns one into the id of its input, `fieldLabel` into the catalogue key of its
 *   label, `normalizeFieldPath` reads the schema layer's `documentRequests.0.x` the same way.
 *
 * Pure: no React, no i18next (unit-tested in Node).
 */
import type { DeadlineRequest } from '../../../contract/deadlines';
import { showsNotifiedOn, showsReasonsFields, showsVlsTsFields, type CalculatorFormState } from './form-state';

type Application = NonNullable<DeadlineRequest['application']>;
type DocumentRequest = NonNullable<Application['documentRequests']>[number];

/** Field path → why the form refused it before asking the server (only "left empty"). */
export type MissingFields = Readonly<Record<string, 'required'>>;

export type BuildResult = { readonly ok: true; readonly request: DeadlineRequest } | { readonly ok: false; readonly missing: MissingFields };

/** `''` and blanks → absent. */
function filled(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

export function documentRequestPath(index: number, field: keyof DocumentRequest): string {
  return `application.documentRequests[${index}].${field}`;
}

export function buildDeadlineRequest(form: CalculatorFormState): BuildResult {
  const missing: Record<string, 'required'> = {};
  const required = (path: string, value: string): string => {
    const text = filled(value);
    if (text === undefined) missing[path] = 'required';
    return text ?? '';
  };

  const department = required('department', form.department);
  const kind = required('permit.kind', form.permitKind);
  const cardType = required('permit.cardType', form.cardType);
  const validFrom = required('permit.validFrom', form.validFrom);
  const validUntil = required('permit.validUntil', form.validUntil);
  const request: Record<string, unknown> = {
    permit: { kind, cardType, validFrom, validUntil },
    department,
  };

  if (showsVlsTsFields(form)) {
    request.enteredFranceOn = required('enteredFranceOn', form.enteredFranceOn);
    const validated = filled(form.vlsTsValidatedOn);
    if (validated !== undefined) request.vlsTsValidatedOn = validated;
  }

  if (form.applied) {
    const application: Record<string, unknown> = { filedOn: required('application.filedOn', form.filedOn) };
    const complete = filled(form.completeOn);
    if (complete !== undefined) application.completeOn = complete;
    // Every row is sent, in order, so that the server's `documentRequests[i]` is the i-th row shown.
    if (form.documentRequests.length > 0) {
      application.documentRequests = form.documentRequests.map((row, index) => {
        const documentRequest: Record<string, string> = {
          requestedOn: required(documentRequestPath(index, 'requestedOn'), row.requestedOn),
          dueOn: required(documentRequestPath(index, 'dueOn'), row.dueOn),
        };
        const answered = filled(row.answeredOn);
        if (answered !== undefined) documentRequest.answeredOn = answered;
        return documentRequest;
      });
    }
    if (showsNotifiedOn(form)) {
      application.decision = { kind: form.decision, notifiedOn: required('application.decision.notifiedOn', form.notifiedOn) };
    }
    if (showsReasonsFields(form)) {
      const requested = filled(form.reasonsRequestedOn);
      const given = filled(form.reasonsGivenOn);
      if (requested !== undefined) application.reasonsRequestedOn = requested;
      if (given !== undefined) application.reasonsGivenOn = given;
    }
    request.application = application;
  }

  const today = filled(form.today);
  if (today !== undefined) request.today = today;

  if (Object.keys(missing).length > 0) return { ok: false, missing };
  // The shapes above are the contract's; the values (kinds, card types, dates) are checked by the server.
  return { ok: true, request: request as unknown as DeadlineRequest };
}

/** The schema layer names array items `documentRequests.0.x`, the engine `documentRequests[0].x`. */
export function normalizeFieldPath(path: string): string {
  return path.replace(/\.(\d+)(?=\.|$)/g, '[$1]');
}

/** Id of the input (or first radio button) of a field path. */
export function fieldId(path: string): string {
  const normalized = normalizeFieldPath(path);
  if (normalized === 'application.decision' || normalized === 'application.decision.kind') return `${DECISION_GROUP_ID}-0`;
  return `calculator-${normalized.replace(/\[(\d+)\]/g, '-$1').replace(/\./g, '-')}`;
}

/** Id of the decision's radio group; its buttons are `<id>-0`, `<id>-1`, … (react-dsfr). */
export const DECISION_GROUP_ID = 'calculator-decision';

export interface FieldLabel {
  /** Key in the `calculator` namespace. */
  readonly key: string;
  /** Document requests: the row's number (from 1) and the key of the field's own label. */
  readonly row?: { readonly number: number; readonly fieldKey: string };
}

const LABEL_KEYS: Readonly<Record<string, string>> = {
  department: 'fields.department.label',
  'permit.kind': 'fields.permitKind.label',
  'permit.cardType': 'fields.cardType.label',
  'permit.validFrom': 'fields.validFrom.label',
  'permit.validUntil': 'fields.validUntil.label',
  enteredFranceOn: 'fields.enteredFranceOn.label',
  vlsTsValidatedOn: 'fields.vlsTsValidatedOn.label',
  'application.filedOn': 'fields.filedOn.label',
  'application.completeOn': 'fields.completeOn.label',
  'application.decision': 'fields.decision.legend',
  'application.decision.kind': 'fields.decision.legend',
  'application.decision.notifiedOn': 'fields.notifiedOn.label',
  'application.reasonsRequestedOn': 'fields.reasonsRequestedOn.label',
  'application.reasonsGivenOn': 'fields.reasonsGivenOn.label',
  today: 'fields.today.label',
};

const DOCUMENT_REQUEST_FIELD = /^application\.documentRequests\[(\d+)\]\.(requestedOn|dueOn|answeredOn)$/;

/** The label of a field path, or undefined for a path the form has no field for. */
export function fieldLabel(path: string): FieldLabel | undefined {
  const normalized = normalizeFieldPath(path);
  const row = DOCUMENT_REQUEST_FIELD.exec(normalized);
  if (row !== null) {
    return { key: 'fields.documentRequests.summaryLabel', row: { number: Number(row[1]) + 1, fieldKey: `fields.documentRequests.${row[2]}` } };
  }
  const key = LABEL_KEYS[normalized];
  return key === undefined ? undefined : { key };
}

/** The field paths the form shows for this state, in the order of the form. */
export function visibleFieldPaths(form: CalculatorFormState): string[] {
  const paths = ['department', 'permit.kind', 'permit.cardType', 'permit.validFrom', 'permit.validUntil'];
  if (showsVlsTsFields(form)) paths.push('enteredFranceOn', 'vlsTsValidatedOn');
  if (form.applied) {
    paths.push('application.filedOn', 'application.completeOn');
    form.documentRequests.forEach((_row, index) => {
      paths.push(documentRequestPath(index, 'requestedOn'), documentRequestPath(index, 'dueOn'), documentRequestPath(index, 'answeredOn'));
    });
    paths.push('application.decision.kind');
    if (showsNotifiedOn(form)) paths.push('application.decision.notifiedOn');
    if (showsReasonsFields(form)) paths.push('application.reasonsRequestedOn', 'application.reasonsGivenOn');
  }
  paths.push('today');
  return paths;
}

export interface FieldMessages {
  /** Message by (normalized) field path, for fields the form shows; first message wins. */
  readonly byField: Readonly<Record<string, string>>;
  /** Messages of fields the form does not show (listed in the summary only). */
  readonly others: readonly string[];
}

/**
 * Sorts a problem's field errors into those shown next to a field and the rest. The decision's
 * kind and the decision as a whole are both shown on the decision's radio group.
 */
export function sortFieldErrors(
  errors: readonly { readonly field: string; readonly message: string }[],
  form: CalculatorFormState,
): FieldMessages {
  const visible = new Set(visibleFieldPaths(form));
  const byField: Record<string, string> = {};
  const others: string[] = [];
  for (const error of errors) {
    let path = normalizeFieldPath(error.field);
    if (path === 'application.decision') path = 'application.decision.kind';
    if (visible.has(path)) byField[path] ??= error.message;
    else if (!others.includes(error.message)) others.push(error.message);
  }
  return { byField, others };
}

/** The paths of `byField` in the order of the form (for the summary's list). */
export function inFormOrder(paths: Iterable<string>, form: CalculatorFormState): string[] {
  const order = visibleFieldPaths(form);
  return [...paths].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}
