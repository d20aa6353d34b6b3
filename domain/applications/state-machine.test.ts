import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TRANSITIONS, isAllowed, transition, type ApplicationEvent, type TransitionResult } from './state-machine';
import { ACTOR_KINDS, APPLICATION_EVENTS, APPLICATION_STATUSES, type ApplicationState } from './types';

const applicant = { kind: 'applicant' } as const;
const agent = { kind: 'agent' } as const;
const TODAY = '2026-10-01';

const submit = (overrides: Partial<Extract<ApplicationEvent, { type: 'submit' }>> = {}): ApplicationEvent => ({
  type: 'submit',
  permit: { kind: 'temporary_card', validUntil: '2026-12-31' },
  missingDocuments: [],
  unansweredQuestions: [],
  ...overrides,
});

function ok(result: TransitionResult) {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.refusal)}`);
  return result;
}

const filed: ApplicationState = { status: 'submitted', filedOn: '2026-10-01' };

describe(transition.name, () => {
  it('files a draft in time: status submitted, filing date today, not late', () => {
    const result = ok(transition({ status: 'draft' }, submit(), applicant, TODAY));
    expect(result.from).toBe('draft');
    expect(result.state).toEqual({ status: 'submitted', filedOn: TODAY });
    expect(result.effects).toEqual([{ kind: 'file', filedOn: TODAY, filing: expect.objectContaining({ kind: 'in_time', late: false }) }]);
  });

  it('files a late draft with its consequences rather than refusing it (policy 2)', () => {
    const result = ok(transition({ status: 'draft' }, submit(), applicant, '2026-12-01'));
    expect(result.effects[0]).toMatchObject({ kind: 'file', filing: { kind: 'late', late: true } });
  });

  it('refuses to file before the window opens, with the opening date (policy 2)', () => {
    expect(transition({ status: 'draft' }, submit(), applicant, '2026-08-01')).toEqual({
      ok: false,
      refusal: { code: 'filing_too_early', opensOn: '2026-09-02', closesOn: '2026-11-01' },
    });
  });

  it('refuses to file with unanswered questions or missing documents, naming them', () => {
    expect(transition({ status: 'draft' }, submit({ unansweredQuestions: ['employmentSituation'] }), applicant, TODAY)).toEqual({
      ok: false,
      refusal: { code: 'questions_unanswered', questions: ['employmentSituation'] },
    });
    expect(transition({ status: 'draft' }, submit({ missingDocuments: ['passport', 'payslips'] }), applicant, TODAY)).toEqual({
      ok: false,
      refusal: { code: 'documents_missing', items: ['passport', 'payslips'] },
    });
  });

  it('refuses a second submission: only a draft can be filed', () => {
    expect(transition(filed, submit(), applicant, TODAY)).toEqual({
      ok: false,
      refusal: { code: 'event_not_allowed', event: 'submit', status: 'submitted' },
    });
  });

  it('refuses an event to an actor who may not cause it, whatever the status', () => {
    expect(transition({ status: 'draft' }, submit(), agent, TODAY)).toEqual({
      ok: false,
      refusal: { code: 'actor_not_allowed', event: 'submit', actor: 'agent' },
    });
    expect(transition(filed, { type: 'declareComplete' }, applicant, TODAY)).toMatchObject({ ok: false, refusal: { code: 'actor_not_allowed' } });
    expect(transition({ status: 'draft' }, { type: 'withdraw' }, { kind: 'system' }, TODAY)).toMatchObject({ ok: false, refusal: { code: 'actor_not_allowed' } });
  });

  it('keeps the filing date when the préfecture asks for documents, and through the answer [R-20]', () => {
    const asked = ok(transition(filed, { type: 'requestDocuments', dueOn: '2026-10-31', items: ['payslips'] }, agent, '2026-10-05'));
    expect(asked.state).toEqual({ status: 'documents_requested', filedOn: '2026-10-01', openRequest: { requestedOn: '2026-10-05', dueOn: '2026-10-31' } });
    expect(asked.effects).toEqual([{ kind: 'open_document_request', requestedOn: '2026-10-05', dueOn: '2026-10-31', items: ['payslips'] }]);
    const answered = ok(transition(asked.state, { type: 'answerRequest' }, applicant, '2026-10-12'));
    expect(answered.state).toMatchObject({ status: 'submitted', filedOn: '2026-10-01', openRequest: undefined });
    expect(answered.effects).toEqual([{ kind: 'answer_document_request', answeredOn: '2026-10-12', late: false }]);
  });

  it('still takes an answer after the due date, flagged late, with the filing date kept [R-20]', () => {
    const asked = ok(transition(filed, { type: 'requestDocuments', dueOn: '2026-10-31', items: ['payslips'] }, agent, '2026-10-05'));
    expect(ok(transition(asked.state, { type: 'answerRequest' }, applicant, '2026-10-31')).effects).toEqual([
      { kind: 'answer_document_request', answeredOn: '2026-10-31', late: false },
    ]);
    const late = ok(transition(asked.state, { type: 'answerRequest' }, { kind: 'representative' }, '2026-11-01'));
    expect(late.state).toMatchObject({ status: 'submitted', filedOn: '2026-10-01' });
    expect(late.effects).toEqual([{ kind: 'answer_document_request', answeredOn: '2026-11-01', late: true }]);
    expect(transition(asked.state, { type: 'answerRequest' }, agent, '2026-10-12')).toMatchObject({ ok: false, refusal: { code: 'actor_not_allowed' } });
    expect(transition(filed, { type: 'answerRequest' }, applicant, '2026-10-12')).toMatchObject({ ok: false, refusal: { code: 'event_not_allowed' } });
  });

  it('records a correction of details after filing, with old and new values, status unchanged', () => {
    const changes = [{ field: 'answers.marriedOrHasChildren', from: false, to: true }];
    for (const status of ['submitted', 'documents_requested', 'complete'] as const) {
      const result = ok(transition({ ...filed, status }, { type: 'correctDetails', changes }, applicant, '2026-10-09'));
      expect(result.state.status).toBe(status);
      expect(result.effects).toEqual([{ kind: 'record_correction', correctedOn: '2026-10-09', changes }]);
    }
    expect(transition(filed, { type: 'correctDetails', changes: [] }, applicant, TODAY)).toEqual({ ok: false, refusal: { code: 'nothing_corrected' } });
    for (const status of ['draft', 'decided_favourable', 'refused', 'withdrawn'] as const) {
      expect(transition({ status }, { type: 'correctDetails', changes }, applicant, TODAY)).toMatchObject({ ok: false, refusal: { code: 'event_not_allowed' } });
    }
    expect(transition(filed, { type: 'correctDetails', changes }, agent, TODAY)).toMatchObject({ ok: false, refusal: { code: 'actor_not_allowed' } });
  });

  it('refuses a request for documents with no item or a due date not after today', () => {
    expect(transition(filed, { type: 'requestDocuments', dueOn: '2026-10-31', items: [] }, agent, TODAY)).toMatchObject({
      ok: false,
      refusal: { code: 'no_items_requested' },
    });
    expect(transition(filed, { type: 'requestDocuments', dueOn: TODAY, items: ['passport'] }, agent, TODAY)).toMatchObject({
      ok: false,
      refusal: { code: 'due_date_not_after_today', dueOn: TODAY },
    });
  });

  it('records completeness, then a favourable decision, each on its day', () => {
    const complete = ok(transition(filed, { type: 'declareComplete' }, agent, '2026-10-20'));
    expect(complete.state).toMatchObject({ status: 'complete', completeOn: '2026-10-20' });
    const decided = ok(transition(complete.state, { type: 'decideFavourably' }, agent, '2026-11-15'));
    expect(decided.state.status).toBe('decided_favourable');
    expect(decided.effects).toEqual([{ kind: 'record_decision', decision: 'favourable', decidedOn: '2026-11-15' }]);
  });

  it('does not decide favourably on a file not declared complete', () => {
    expect(transition(filed, { type: 'decideFavourably' }, agent, TODAY)).toMatchObject({ ok: false, refusal: { code: 'event_not_allowed' } });
  });

  it('lets the applicant withdraw a draft or a filed application, never a decided one', () => {
    expect(ok(transition({ status: 'draft' }, { type: 'withdraw' }, applicant, TODAY)).state.status).toBe('withdrawn');
    expect(ok(transition(filed, { type: 'withdraw' }, applicant, TODAY)).effects).toEqual([{ kind: 'record_withdrawal', withdrawnOn: TODAY }]);
    for (const status of ['decided_favourable', 'refused', 'withdrawn'] as const) {
      expect(transition({ status }, { type: 'withdraw' }, applicant, TODAY)).toMatchObject({ ok: false, refusal: { code: 'event_not_allowed', status } });
    }
  });

  it('records a document added after filing without changing the status', () => {
    const result = ok(transition(filed, { type: 'addDocument', checklistItemId: 'payslips' }, applicant, TODAY));
    expect(result.state).toEqual(filed);
    expect(result.effects).toEqual([{ kind: 'record_document', checklistItemId: 'payslips' }]);
    expect(transition({ status: 'draft' }, { type: 'addDocument', checklistItemId: 'payslips' }, applicant, TODAY)).toMatchObject({ ok: false });
  });

  it('leaves every final status with no way out', () => {
    for (const status of ['decided_favourable', 'refused', 'withdrawn'] as const) {
      for (const event of APPLICATION_EVENTS) {
        for (const actor of ACTOR_KINDS) expect(isAllowed(status, event, actor)).toBe(false);
      }
    }
  });

  it('has a rule for every event, from known statuses only', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...APPLICATION_EVENTS].sort());
    for (const rule of Object.values(TRANSITIONS)) {
      for (const status of rule.from) expect(APPLICATION_STATUSES).toContain(status);
      if (rule.to !== null) expect(APPLICATION_STATUSES).toContain(rule.to);
    }
  });

  it('records an implicit rejection from the day after it arose, by the system only, status kept [R-41]', () => {
    const event: ApplicationEvent = { type: 'recordTacitRefusal', tacitRefusalOn: '2027-02-01' };
    const system = { kind: 'system' } as const;
    expect(transition(filed, event, system, '2027-02-01')).toEqual({ ok: false, refusal: { code: 'tacit_refusal_not_arisen', tacitRefusalOn: '2027-02-01' } });
    const result = ok(transition({ status: 'complete', filedOn: '2026-10-01' }, event, system, '2027-02-02'));
    expect(result.state.status).toBe('complete');
    expect(result.effects).toEqual([{ kind: 'record_tacit_refusal', arisenOn: '2027-02-01', recordedOn: '2027-02-02' }]);
    expect(transition(filed, event, agent, '2027-02-02')).toMatchObject({ ok: false, refusal: { code: 'actor_not_allowed' } });
    expect(transition({ status: 'refused', filedOn: '2026-10-01' }, event, system, '2027-02-02')).toMatchObject({ ok: false, refusal: { code: 'event_not_allowed' } });
  });

  it('matches the state diagram of docs/adr/0005, arrow for arrow', () => {
    const adr = fs.readFileSync(new URL('../../docs/adr/0005-applications-and-documents.md', import.meta.url), 'utf8');
    const block = /```mermaid\n([\s\S]*?)```/.exec(adr)?.[1] ?? '';
    const drawn = new Set<string>();
    for (const match of block.matchAll(/^\s*(\w+) --> (\w+): (\w+)/gm)) drawn.add(`${match[1]} ${match[3]} ${match[2]}`);
    const table = new Set<string>();
    for (const [event, rule] of Object.entries(TRANSITIONS)) for (const from of rule.from) table.add(`${from} ${event} ${rule.to ?? from}`);
    expect([...drawn].sort()).toEqual([...table].sort());
  });
});
