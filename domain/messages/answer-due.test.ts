import { describe, expect, it } from 'vitest';
import { answerDue, DEFAULT_ANSWER_WORKING_DAYS } from './answer-due';

describe(answerDue.name, () => {
  it('counts working days from the day after sending, skipping weekends (MSG-SLA)', () => {
    // Friday 2026-11-27 + 10 working days → Friday 2026-12-11.
    expect(answerDue('2026-11-27', '69', 10)).toMatchObject({ dueOn: '2026-12-11', escalateOn: '2026-12-09', workingDays: 10, ruleId: 'MSG-SLA' });
  });

  it('skips the public holidays of the département', () => {
    // Thursday 2026-12-24 + 1 working day: 25 December is a holiday, then the weekend → Monday 28.
    expect(answerDue('2026-12-24', '75', 1).dueOn).toBe('2026-12-28');
    // 26 December is a holiday only in Alsace-Moselle: the same message there is still due Monday 28.
    expect(answerDue('2026-12-23', '67', 2).dueOn).toBe('2026-12-28');
    expect(answerDue('2026-12-23', '75', 2).dueOn).toBe('2026-12-28');
  });

  it('uses the default target when the préfecture has none, and never escalates on the day of sending', () => {
    expect(answerDue('2026-11-27', '69', null).workingDays).toBe(DEFAULT_ANSWER_WORKING_DAYS);
    expect(answerDue('2026-11-27', '69', 1)).toMatchObject({ dueOn: '2026-11-30', escalateOn: '2026-11-28' });
  });
});
