import { describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { DeadlineRequestSchema } from '../../../contract/deadlines';
import { EMPTY_FORM, addDocumentRequest, removeDocumentRequest, updateDocumentRequest, type CalculatorFormState } from './form-state';
import {
  buildDeadlineRequest,
  fieldId,
  fieldLabel,
  inFormOrder,
  normalizeFieldPath,
  sortFieldErrors,
  visibleFieldPaths,
} from './request';

/** The temporary card: valid 2026-01-01 → 2026-12-31, Paris. */
const CARD: CalculatorFormState = {
  ...EMPTY_FORM,
  department: '75',
  permitKind: 'temporary_card',
  cardType: 'salarie',
  validFrom: '2026-01-01',
  validUntil: '2026-12-31',
};

const REFUSED: CalculatorFormState = {
  ...CARD,
  applied: true,
  filedOn: '2026-10-15',
  completeOn: '2026-10-20',
  decision: 'refusal',
  notifiedOn: '2027-01-20',
};

function requestOf(form: CalculatorFormState) {
  const built = buildDeadlineRequest(form);
  if (!built.ok) throw new Error(`unexpected missing fields: ${Object.keys(built.missing).join(', ')}`);
  return built.request;
}

describe(buildDeadlineRequest.name, () => {
  it('sends only the permit and the département when nothing was filed', () => {
    expect(requestOf(CARD)).toEqual({
      permit: { kind: 'temporary_card', cardType: 'salarie', validFrom: '2026-01-01', validUntil: '2026-12-31' },
      department: '75',
    });
  });

  it('builds a body the contract accepts', () => {
    expect(Value.Check(DeadlineRequestSchema, requestOf(CARD))).toBe(true);
    expect(Value.Check(DeadlineRequestSchema, requestOf(REFUSED))).toBe(true);
  });

  it('adds the application with its decision once filed', () => {
    expect(requestOf(REFUSED).application).toEqual({
      filedOn: '2026-10-15',
      completeOn: '2026-10-20',
      decision: { kind: 'refusal', notifiedOn: '2027-01-20' },
    });
  });

  it('leaves out the application’s fields while “already applied” is not ticked, even if filled in before', () => {
    expect(requestOf({ ...REFUSED, applied: false })).not.toHaveProperty('application');
  });

  it('sends the VLS-TS dates only for a VLS-TS', () => {
    const vlsTs = { ...CARD, permitKind: 'vls_ts' as const, enteredFranceOn: '2026-01-10', vlsTsValidatedOn: '2026-01-20' };
    expect(requestOf(vlsTs)).toMatchObject({ enteredFranceOn: '2026-01-10', vlsTsValidatedOn: '2026-01-20' });
    const card = requestOf({ ...vlsTs, permitKind: 'temporary_card' });
    expect(card).not.toHaveProperty('enteredFranceOn');
    expect(card).not.toHaveProperty('vlsTsValidatedOn');
  });

  it('requires the entry date of a VLS-TS', () => {
    const built = buildDeadlineRequest({ ...CARD, permitKind: 'vls_ts' });
    expect(built).toEqual({ ok: false, missing: { enteredFranceOn: 'required' } });
  });

  it('lists every required field left empty, by API path', () => {
    const built = buildDeadlineRequest({ ...addDocumentRequest(EMPTY_FORM), applied: true, decision: 'favourable' });
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(Object.keys(built.missing).sort()).toEqual(
      [
        'department',
        'permit.kind',
        'permit.cardType',
        'permit.validFrom',
        'permit.validUntil',
        'application.filedOn',
        'application.documentRequests[0].requestedOn',
        'application.documentRequests[0].dueOn',
        'application.decision.notifiedOn',
      ].sort(),
    );
  });

  it('sends every document request in the order shown, so that the server’s index is the row’s', () => {
    let form = addDocumentRequest(addDocumentRequest({ ...REFUSED }));
    const [first, second] = form.documentRequests;
    form = updateDocumentRequest(form, first!.key, { requestedOn: '2026-11-02', dueOn: '2026-12-02', answeredOn: '2026-11-12' });
    form = updateDocumentRequest(form, second!.key, { requestedOn: '2026-12-10', dueOn: '2026-12-20' });
    expect(requestOf(form).application?.documentRequests).toEqual([
      { requestedOn: '2026-11-02', dueOn: '2026-12-02', answeredOn: '2026-11-12' },
      { requestedOn: '2026-12-10', dueOn: '2026-12-20' },
    ]);
    expect(requestOf(removeDocumentRequest(form, first!.key)).application?.documentRequests).toEqual([{ requestedOn: '2026-12-10', dueOn: '2026-12-20' }]);
  });

  it('sends the reasons only when the préfecture stayed silent or refused', () => {
    const silent = { ...REFUSED, decision: 'none' as const, reasonsRequestedOn: '2027-03-01', reasonsGivenOn: '2027-03-20' };
    expect(requestOf(silent).application).toMatchObject({ reasonsRequestedOn: '2027-03-01', reasonsGivenOn: '2027-03-20' });
    expect(requestOf(silent).application).not.toHaveProperty('decision');
    expect(requestOf({ ...silent, decision: 'favourable' }).application).not.toHaveProperty('reasonsRequestedOn');
  });

  it('sends “today” only when another day was asked for, and trims blanks', () => {
    expect(requestOf({ ...CARD, today: ' 2027-02-01 ' }).today).toBe('2027-02-01');
    expect(requestOf({ ...CARD, today: '  ' })).not.toHaveProperty('today');
  });
});

describe(normalizeFieldPath.name, () => {
  it('reads the schema layer’s array items like the engine’s', () => {
    expect(normalizeFieldPath('application.documentRequests.1.answeredOn')).toBe('application.documentRequests[1].answeredOn');
    expect(normalizeFieldPath('application.documentRequests[1].answeredOn')).toBe('application.documentRequests[1].answeredOn');
    expect(normalizeFieldPath('permit.validUntil')).toBe('permit.validUntil');
  });
});

describe(fieldId.name, () => {
  it('gives each API path one input id, the same for both spellings of an array item', () => {
    expect(fieldId('permit.validUntil')).toBe('calculator-permit-validUntil');
    expect(fieldId('application.documentRequests[0].answeredOn')).toBe('calculator-application-documentRequests-0-answeredOn');
    expect(fieldId('application.documentRequests.0.answeredOn')).toBe('calculator-application-documentRequests-0-answeredOn');
  });

  it('points the decision at its first radio button', () => {
    expect(fieldId('application.decision.kind')).toBe('calculator-decision-0');
    expect(fieldId('application.decision')).toBe('calculator-decision-0');
  });

  it('gives ids that are valid in a URL fragment and a CSS selector', () => {
    for (const path of visibleFieldPaths({ ...addDocumentRequest(REFUSED), permitKind: 'vls_ts' })) {
      expect(fieldId(path)).toMatch(/^[A-Za-z][\w-]*$/);
    }
  });
});

describe(fieldLabel.name, () => {
  it('names a field by its label key, and a document request’s field with its row number', () => {
    expect(fieldLabel('permit.validUntil')).toEqual({ key: 'fields.validUntil.label' });
    expect(fieldLabel('application.documentRequests.2.dueOn')).toEqual({
      key: 'fields.documentRequests.summaryLabel',
      row: { number: 3, fieldKey: 'fields.documentRequests.dueOn' },
    });
    expect(fieldLabel('application.documentRequests')).toBeUndefined();
  });

  it('has a label for every field the form can show', () => {
    for (const path of visibleFieldPaths({ ...addDocumentRequest(REFUSED), permitKind: 'vls_ts' })) {
      expect(fieldLabel(path), path).toBeDefined();
    }
  });
});

describe(sortFieldErrors.name, () => {
  it('puts each error beside its field, keeps the first message, and lists the rest apart', () => {
    const sorted = sortFieldErrors(
      [
        { field: 'permit.validUntil', message: 'The end of validity is before the start of validity.' },
        { field: 'permit.validUntil', message: 'second' },
        { field: 'application.decision', message: 'Unknown kind of decision.' },
        { field: 'enteredFranceOn', message: 'This field only applies to a VLS-TS.' },
        { field: 'application.documentRequests', message: 'No more than 50 items.' },
      ],
      REFUSED,
    );
    expect(sorted.byField).toEqual({
      'permit.validUntil': 'The end of validity is before the start of validity.',
      'application.decision.kind': 'Unknown kind of decision.',
    });
    expect(sorted.others).toEqual(['This field only applies to a VLS-TS.', 'No more than 50 items.']);
  });

  it('places a schema error on a document request’s field', () => {
    const form = addDocumentRequest(REFUSED);
    expect(sortFieldErrors([{ field: 'application.documentRequests.0.dueOn', message: 'x' }], form).byField).toEqual({
      'application.documentRequests[0].dueOn': 'x',
    });
  });
});

describe(inFormOrder.name, () => {
  it('orders field paths as the form shows them', () => {
    expect(inFormOrder(['today', 'application.filedOn', 'permit.validFrom', 'department'], REFUSED)).toEqual([
      'department',
      'permit.validFrom',
      'application.filedOn',
      'today',
    ]);
  });
});
