/**
 * GET /api/v1/me/overview: the personal space at a glance. What covers the person today (from the
 * deadline engine, with the person's current permit and the application on it), the next legal
 * deadline with its reason and rule, every application with its status, the préfecture's requests
 * still waiting for an answer, and the déclarations de changement d'adresse.
 */
import { Type, type Static } from 'typebox';
import { COVERAGE_DOCUMENTS, DATE_IDS } from '../domain/deadlines/types';
import { RULE_IDS } from '../domain/rules/legal-rules';
import { ApplicationSummarySchema, PermitSchema } from './applications';
import { LocalizedTextSchema } from './deadlines';
import { AddressDeclarationSchema } from './profile';

const isoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const RuleIdSchema = Type.Enum(RULE_IDS);

export const OverviewCoverageSchema = Type.Object(
  {
    covered: Type.Boolean({ description: 'Whether the person is legally resident today.' }),
    document: Type.Enum(COVERAGE_DOCUMENTS, { description: 'What covers them today (`none`: nothing).' }),
    until: Type.Union([isoDate, Type.Null()], { description: 'Last day of that cover, when it has one.' }),
    ruleId: RuleIdSchema,
    citation: Type.String({ description: 'The article that gives this cover.' }),
    permitId: Type.String({ format: 'uuid', description: 'The permit the computation started from (the one expiring last).' }),
    applicationId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()], { description: 'The filed application taken into account, if any.' }),
  },
  { additionalProperties: false },
);

export const OverviewDeadlineSchema = Type.Object(
  {
    id: Type.Enum(DATE_IDS),
    on: isoDate,
    ruleId: RuleIdSchema,
    citation: Type.String(),
    explanation: LocalizedTextSchema,
  },
  { additionalProperties: false },
);

export const OpenRequestSchema = Type.Object(
  {
    applicationId: Type.String({ format: 'uuid' }),
    reference: Type.Union([Type.String(), Type.Null()]),
    requestId: Type.String({ format: 'uuid' }),
    requestedOn: isoDate,
    dueOn: isoDate,
    items: Type.Array(Type.String(), { description: 'Checklist item ids asked for.' }),
  },
  { additionalProperties: false },
);

export const OverviewSchema = Type.Object({
  today: isoDate,
  profileComplete: Type.Boolean({ description: 'Identity and address filled in.' }),
  coverage: Type.Union([OverviewCoverageSchema, Type.Null()], { description: 'null when no permit is recorded.' }),
  nextDeadline: Type.Union([OverviewDeadlineSchema, Type.Null()], { description: 'The next legal deadline from today on, if any.' }),
  permits: Type.Array(PermitSchema, { description: 'Most recent expiry first.' }),
  applications: Type.Array(ApplicationSummarySchema, { description: 'Newest first.' }),
  openRequests: Type.Array(OpenRequestSchema, { description: 'Requests for documents not answered yet, earliest due first.' }),
  addressDeclarations: Type.Array(AddressDeclarationSchema),
});
export type OverviewBody = Static<typeof OverviewSchema>;
