import type { App } from '../../app';
import { computeDeadlines, parseDeadlineInput, todayInParis } from '../../../../domain/deadlines/index';
import { COMMON_ERRORS } from '../../../../contract/problem';
import { DeadlineRequestSchema, DeadlineResponseSchema, toDeadlineInput, type DeadlineResponse } from '../../../../contract/deadlines';
import { AppError } from '../../problem';

export interface DeadlineRouteDeps {
  /** The clock, read only here at the edge: the engine takes "today" as an argument. */
  now?: (() => Date) | undefined;
}

export function registerDeadlineRoutes(app: App, deps: DeadlineRouteDeps = {}): void {
  const now = deps.now ?? (() => new Date());

  app.post(
    '/api/v1/deadlines',
    {
      config: { access: 'public' },
      schema: {
        tags: ['deadlines'],
        summary: 'Every legal date of a situation, with its rule, article and explanation, and who covers the person on which day.',
        description:
          'The public face of the deadline engine, which nothing else duplicates. Keeps nothing. `today` defaults to the current date in Europe/Paris. Optional fields may be absent or null. Semantic errors (impossible dates, filing before the permit starts, …) are a 400 problem whose `errors` name each field.',
        body: DeadlineRequestSchema,
        response: { 200: DeadlineResponseSchema, ...COMMON_ERRORS },
      },
    },
    async (request) => {
      const parsed = parseDeadlineInput(toDeadlineInput(request.body, todayInParis(now())));
      if (!parsed.ok) {
        throw new AppError(
          400,
          'validation_failed',
          {},
          parsed.issues.map((issue) => ({
            in: 'body' as const,
            field: issue.field,
            code: issue.code,
            messageKey: `deadlines:validation.${issue.code}`,
            ...(issue.params ? { params: { ...issue.params } } : {}),
          })),
        );
      }
      // The contract's response type is the engine's result without `readonly` (checked in contract tests).
      return computeDeadlines(parsed.input) as unknown as DeadlineResponse;
    },
  );
}
