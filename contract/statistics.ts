/** Public transparency statistics (issue 9): request and response shapes, shared with the web app. */
import { Type, type Static } from 'typebox';

export const STATISTICS_MEASURES = [
  'applications_filed',
  'prolongation_median_days',
  'prolongation_p90_days',
  'decision_median_days',
  'decision_p90_days',
  'gap_count',
  'gap_share',
  'tacit_refusals',
  'message_answer_median_days',
  'appointment_next_slot_days',
] as const;
export type StatisticsMeasure = (typeof STATISTICS_MEASURES)[number];

export const StatisticsMeasureSchema = Type.Unsafe<StatisticsMeasure>({
  type: 'string',
  enum: [...STATISTICS_MEASURES],
  description: 'The figure to colour the map by.',
});
export const StatisticsWindowSchema = Type.Union([Type.Literal('30'), Type.Literal('90'), Type.Literal('365')], {
  description: 'Rolling window in days ending on the computation date.',
});
export const StatisticsScope = Type.String({
  pattern: '^(FR|0[1-9]|1[0-9]|2[1-9]|[3-8][0-9]|9[0-5]|2A|2B|97[1-46])$',
  description: 'A département code, or FR for the whole country.',
  examples: ['75', 'FR'],
});
export const CardTypeFilter = Type.String({ pattern: '^[a-z0-9_]{1,40}$', description: 'A card type id, or `all` (default).', examples: ['all'] });

const Nullable = <T extends ReturnType<typeof Type.Integer> | ReturnType<typeof Type.Number>>(t: T) => Type.Union([t, Type.Null()]);
const Days = (description: string) => Nullable(Type.Integer({ minimum: 0, description }));

/** Every published figure; null means "not enough data" (fewer than 10 applications), or nothing published (see each field). */
export const StatisticsFiguresSchema = Type.Object(
  {
    applications_filed: Nullable(Type.Integer({ minimum: 0, description: 'Applications filed in the window.' })),
    prolongation_median_days: Days('Median days from filing to the first prolongation attestation (nearest rank).'),
    prolongation_p90_days: Days('90th percentile, same measure.'),
    decision_median_days: Days('Median days from filing to the decision.'),
    decision_p90_days: Days('90th percentile, same measure.'),
    gap_count: Nullable(Type.Integer({ minimum: 0, description: 'Pending in-time applicants whose permit ended before their prolongation started.' })),
    gap_share: Nullable(Type.Number({ minimum: 0, maximum: 1, description: 'Their share of pending in-time applications (0–1).' })),
    tacit_refusals: Nullable(Type.Integer({ minimum: 0, description: 'Pending applications past their tacit-refusal date (filing + 4 months).' })),
    message_answer_median_days: Days('Median Paris calendar days from a message to the préfecture’s first answer, over threads opened in the window; a thread still unanswered counts with the days it has waited so far. Card type `all` only; null under 10 threads.'),
    appointment_next_slot_days: Days('Days from the computation date to the first digital help desk slot with a free place (nationally: the median over the départements that publish slots). Card type `all` only; null when none is published.'),
  },
  { additionalProperties: false },
);
export type StatisticsFigures = Static<typeof StatisticsFiguresSchema>;

export const StatisticsMapSchema = Type.Object(
  {
    computedOn: Type.Union([Type.String({ format: 'date' }), Type.Null()], { description: 'null when nothing was computed yet.' }),
    window: Type.Integer(),
    cardType: Type.String(),
    measure: StatisticsMeasureSchema,
    items: Type.Array(
      Type.Object(
        {
          scope: Type.String(),
          name: Type.String({ description: 'The département’s name, or "France".' }),
          value: Type.Union([Type.Number(), Type.Null()], { description: 'The chosen measure; null: not enough data.' }),
          figures: StatisticsFiguresSchema,
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type StatisticsMapBody = Static<typeof StatisticsMapSchema>;

export const StatisticsTrendSchema = Type.Object(
  {
    scope: Type.String(),
    window: Type.Integer(),
    cardType: Type.String(),
    points: Type.Array(Type.Object({ computedOn: Type.String({ format: 'date' }), figures: StatisticsFiguresSchema }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);
export type StatisticsTrendBody = Static<typeof StatisticsTrendSchema>;

export const OpenDataSchema = Type.Object(
  {
    licence: Type.String(),
    computedOn: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
    schema: Type.String({ description: 'Where the columns are documented.' }),
    rows: Type.Array(
      Type.Intersect([Type.Object({ scope: Type.String(), window_days: Type.Integer(), card_type: Type.String() }), StatisticsFiguresSchema]),
    ),
  },
);
export type OpenDataBody = Static<typeof OpenDataSchema>;

/** An applicant's decision estimate (owner only), from domain/statistics/decision-estimate.ts. */
export const DecisionEstimateBodySchema = Type.Object(
  {
    computedOn: Type.Union([Type.String({ format: 'date' }), Type.Null()], { description: 'The day the daily job computed it; null: not computed (not pending, or filed since the last run).' }),
    estimate: Type.Union([
      Type.Null(),
      Type.Object(
        { kind: Type.Literal('not_enough_data'), decided90: Type.Integer({ minimum: 0, description: 'Decisions over 90 days (under 10).' }), tacitRefusalOn: Type.String({ format: 'date' }) },
        { additionalProperties: false },
      ),
      Type.Object(
        {
          kind: Type.Literal('estimated'),
          position: Type.Integer({ minimum: 1, description: 'Place in the prefecture’s backlog for this card type.' }),
          rate90: Type.Number({ description: 'Decisions per day over 90 days.' }),
          rate30: Type.Number({ description: 'Decisions per day over 30 days.' }),
          earliestOn: Type.String({ format: 'date' }),
          likelyOn: Type.String({ format: 'date' }),
          latestOn: Type.Union([Type.String({ format: 'date' }), Type.Null()], { description: 'null: no decision in 30 days, no upper bound.' }),
          tacitRefusalOn: Type.String({ format: 'date' }),
          beyondTacitRefusal: Type.Boolean(),
        },
        { additionalProperties: false },
      ),
    ]),
  },
  { additionalProperties: false },
);
export type DecisionEstimateBody = Static<typeof DecisionEstimateBodySchema>;
