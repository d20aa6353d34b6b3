/**
 * Stores, for every pending application, the inputs of its decision estimate (issue 9): its place
 * in its prefecture's backlog for its card type (ordered by filing date) and the decisions the
 * prefecture made for that card type over the last 30 and 90 days. One statement, run by
 * `statistics.compute` every day; rows of applications no longer pending are removed.
 * Idempotent: a second run the same day writes the same rows.
 */
import { sql } from 'drizzle-orm';
import { todayInParis } from '../../../domain/calendar/today-in-paris';
import type { Db } from '../../db/client';

export async function computeDecisionEstimates(ctx: { db: Db; now: () => Date }): Promise<{ estimates: number }> {
  const now = ctx.now();
  const today = todayInParis(now);
  const result = await ctx.db.execute(sql`
    with pending as (
      select a.id, a.prefecture_id, a.card_type,
             coalesce(a.tacit_refusal_on, (a.filed_on + interval '4 months')::date) as tacit_on,
             row_number() over (partition by a.prefecture_id, a.card_type order by a.filed_on, a.id)::int as position
        from applications a
       where a.status in ('submitted', 'documents_requested', 'complete') and a.filed_on is not null
    ),
    throughput as (
      select prefecture_id, card_type,
             count(*) filter (where decided_on > ${today}::date - 30)::int as d30,
             count(*)::int as d90
        from applications
       where decided_on > ${today}::date - 90 and decided_on <= ${today}::date
       group by prefecture_id, card_type
    )
    insert into decision_estimates (application_id, computed_on, position, decided_30, decided_90, tacit_refusal_on, computed_at)
    select p.id, ${today}::date, p.position, coalesce(t.d30, 0), coalesce(t.d90, 0), p.tacit_on, ${now.toISOString()}::timestamptz
      from pending p
      left join throughput t on t.prefecture_id = p.prefecture_id and t.card_type = p.card_type
    on conflict (application_id) do update set
      computed_on = excluded.computed_on, position = excluded.position, decided_30 = excluded.decided_30,
      decided_90 = excluded.decided_90, tacit_refusal_on = excluded.tacit_refusal_on, computed_at = excluded.computed_at
    returning 1
  `);
  await ctx.db.execute(sql`delete from decision_estimates where computed_on < ${today}::date`);
  const estimates = Array.isArray(result) ? result.length : ((result as { rows?: unknown[] }).rows?.length ?? 0);
  return { estimates };
}
