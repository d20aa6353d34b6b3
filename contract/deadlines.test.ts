import fc from 'fast-check';
import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { computeDeadlines } from '../domain/deadlines/compute-deadlines';
import { deadlineInputArbitrary, deadlineInput } from '../domain/deadlines/deadline-input.fixtures';
import type { DeadlineResult, UncheckedDeadlineInput, ValidationIssue } from '../domain/deadlines/types';
import { parseDeadlineInput, validateDeadlineInput } from '../domain/deadlines/validate-deadline-input';
import { DeadlineRequestSchema, DeadlineResponseSchema, toDeadlineInput, ValidationIssueSchema, type DeadlineRequest, type DeadlineResponse, type ValidationIssueBody } from './deadlines';

type DeepWritable<T> = T extends readonly (infer U)[] ? DeepWritable<U>[] : T extends object ? { -readonly [K in keyof T]: DeepWritable<T[K]> } : T;

const errorsOf = (schema: TSchema, value: unknown): string[] => [...Value.Errors(schema, value)].map((error) => `${error.instancePath} ${error.message}`);

describe('DeadlineResponseSchema', () => {
  it('describes exactly what the engine returns (types)', () => {
    expectTypeOf<DeepWritable<DeadlineResult>>().toEqualTypeOf<DeadlineResponse>();
  });

  it('accepts every result of the engine, and nothing more (additionalProperties: false)', () => {
    fc.assert(
      fc.property(deadlineInputArbitrary, (input) => {
        const result = computeDeadlines(input);
        expect(errorsOf(DeadlineResponseSchema, result)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a result with a null where a date does not apply', () => {
    const result = computeDeadlines(deadlineInput());
    const withNull = { ...result, today: { ...result.today, until: null } };
    expect(Value.Check(DeadlineResponseSchema, withNull)).toBe(false);
  });
});

describe('DeadlineRequestSchema', () => {
  it('matches the input the domain validates, with `today` optional (types)', () => {
    expectTypeOf<ReturnType<typeof toDeadlineInput>>().toExtend<UncheckedDeadlineInput>();
  });

  it('accepts its own examples, which the domain also accepts', () => {
    const { examples } = DeadlineRequestSchema as unknown as { examples: DeadlineRequest[] };
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) {
      expect(errorsOf(DeadlineRequestSchema, example)).toEqual([]);
      expect(parseDeadlineInput(toDeadlineInput(example, '2027-02-01')).ok).toBe(true);
    }
  });

  it('accepts every generated valid input', () => {
    fc.assert(
      fc.property(deadlineInputArbitrary, (input) => {
        expect(errorsOf(DeadlineRequestSchema, input)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['an unknown field', { ...deadlineInput(), nickname: 'x' }, '/'],
    ['a date with a time', { ...deadlineInput(), today: '2026-10-01T10:00:00Z' }, '/today'],
    ['month 13', { ...deadlineInput(), today: '2026-13-01' }, '/today'],
    ['département 20', { ...deadlineInput(), department: '20' }, '/department'],
    ['an unknown kind', { ...deadlineInput(), permit: { ...deadlineInput().permit, kind: 'visa' } }, '/permit/kind'],
  ])('refuses %s at the schema level', (_case, body, path) => {
    const paths = [...Value.Errors(DeadlineRequestSchema, body)].map((error) => error.instancePath || '/');
    expect(paths).toContain(path);
  });

  it('reads a null optional field as absent, as in the issue’s example', () => {
    const input = deadlineInput();
    const withNulls = { ...input, enteredFranceOn: null, application: { filedOn: '2026-10-15', reasonsRequestedOn: null, reasonsGivenOn: null } };
    expect(errorsOf(DeadlineRequestSchema, withNulls)).toEqual([]);
    const converted = toDeadlineInput(withNulls as DeadlineRequest, '2026-11-26');
    expect('enteredFranceOn' in converted).toBe(false);
    expect(converted.application).toEqual({ filedOn: '2026-10-15' });
  });

  it('leaves calendar errors (30 February) to the domain, which names the field', () => {
    const body = { ...deadlineInput(), today: '2026-02-30' };
    expect(Value.Check(DeadlineRequestSchema, body)).toBe(true);
    expect(validateDeadlineInput(body)).toEqual([{ field: 'today', code: 'impossible_date' }]);
  });
});

describe('ValidationIssueSchema', () => {
  it('describes the domain’s validation issues', () => {
    expectTypeOf<DeepWritable<ValidationIssue>>().toEqualTypeOf<ValidationIssueBody>();
    const issues = validateDeadlineInput({ ...deadlineInput(), application: { filedOn: '2026-09-01' } } as UncheckedDeadlineInput);
    expect(issues).toEqual([{ field: 'application.filedOn', code: 'filed_before_window', params: { opensOn: '2026-09-02' } }]);
    for (const issue of issues) expect(Value.Check(ValidationIssueSchema, issue)).toBe(true);
  });
});
