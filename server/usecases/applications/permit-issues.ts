/** The engine's issues about a permit, as a 400 problem naming the request's own fields. */
import { AppError } from '../../http/problem';
import type { ValidationIssue } from '../../../domain/deadlines/index';

export function permitIssuesError(issues: readonly ValidationIssue[]): AppError {
  return new AppError(
    400,
    'validation_failed',
    {},
    issues.map((issue) => ({
      in: 'body' as const,
      // The engine names `permit.validUntil`; the request says `validUntil`.
      field: issue.field.replace(/^permit\./, ''),
      code: issue.code,
      messageKey: `deadlines:validation.${issue.code}`,
      ...(issue.params ? { params: { ...issue.params } } : {}),
    })),
  );
}
