/**
 * Computes the day's public statistics (issue 9, docs/adr/0015-public-statistics.md) in one SQL
 * statement and stores them in `prefecture_statistics`: per département and nationally (`FR`),
 * per card type and all together (`all`), over the 30, 90 and 365 days ending today (Paris).
 *
 * - Medians and 90th percentiles: `percentile_disc` (nearest rank, domain/statistics/figures.ts).
 * - Prolongation time: filing → the first `prolongation` attestation of the application.
 * - Gap: in-time applications still pending whose permit has ended and whose first prolongation
 *   was issued after the day following the permit's last day (or not issued at all).
 * - Tacit refusals: pending applications past `filed_on + interval '4 months'`, the SQL
 *   approximation of R-41's month rule (same day four months later; PostgreSQL clamps to the end
 *   of a shorter month, as the month rule does).
 * - Small cells: every figure of a group with fewer than 10 applications is null; a median,
 *   percentile or share is also null when fewer than 10 applications carry it.
 * - Time to first answer (per département and nationally, all card types): Paris calendar days
 *   from a thread's first message to the préfecture's first reply, over the threads opened in the
 *   window; a thread still unanswered counts with the days it has waited so far, so silence never
 *   makes the figure look better. Null under 10 threads.
 * - Next free appointment (per département, all windows and card types): days from today to the
 *   first digital help desk slot with a free place; nationally, the median over the départements
 *   that publish slots. Null when none is published (slots are not about people: no small cell).
 *
 * Idempotent: running again the same day replaces that day's rows.
 */
import { sql } from 'drizzle-orm';
import { todayInParis } from '../../../domain/calendar/today-in-paris';
import { MIN_CELL_SIZE } from '../../../domain/statistics/figures';
import type { Db } from '../../db/client';

export interface ComputeStatisticsContext {
  db: Db;
  now: () => Date;
}

export async function computeStatistics(ctx: ComputeStatisticsContext): Promise<{ computedOn: string; rows: number }> {
  const now = ctx.now();
  const today = todayInParis(now);
  const min = MIN_CELL_SIZE;
  return ctx.db.transaction(async (tx) => {
    const rows = await insertApplicationFigures(tx, today, now, min);
    await updateMessageAnswerTimes(tx, today, min);
    await updateNextFreeAppointments(tx, today, now);
    return { computedOn: today, rows };
  });
}

async function insertApplicationFigures(db: Db, today: string, now: Date, min: number): Promise<number> {
  const result = await db.execute(sql`
    with base as (
      select pr.departement_code as dep,
             a.card_type,
             a.filed_on,
             a.decided_on,
             a.status in ('submitted', 'documents_requested', 'complete') as pending,
             a.filing_status = 'in_time' as in_time,
             p.valid_until_on as permit_until,
             (select min(t.issued_on) from attestations t
               where t.application_id = a.id and t.kind = 'prolongation') as prolonged_on
        from applications a
        join prefectures pr on pr.id = a.prefecture_id
        join permits p on p.id = a.permit_id
       where a.filed_on is not null
         and a.filed_on > ${today}::date - 365
         and a.filed_on <= ${today}::date
    ),
    windowed as (
      select w.days, b.*,
             b.pending and b.in_time as pending_in_time,
             b.pending and b.in_time and b.permit_until < ${today}::date
               and (b.prolonged_on is null or b.prolonged_on > b.permit_until + 1) as had_gap
        from base b
        join (values (30), (90), (365)) as w(days) on b.filed_on > ${today}::date - w.days
    ),
    grouped as (
      select days,
             coalesce(dep, 'FR') as scope,
             coalesce(card_type, 'all') as card_type,
             count(*)::int as n,
             count(prolonged_on)::int as n_prolonged,
             percentile_disc(0.5) within group (order by prolonged_on - filed_on) as prolongation_median,
             percentile_disc(0.9) within group (order by prolonged_on - filed_on) as prolongation_p90,
             count(decided_on)::int as n_decided,
             percentile_disc(0.5) within group (order by decided_on - filed_on) as decision_median,
             percentile_disc(0.9) within group (order by decided_on - filed_on) as decision_p90,
             count(*) filter (where pending_in_time)::int as n_pending_in_time,
             count(*) filter (where had_gap)::int as n_gap,
             count(*) filter (where pending and (filed_on + interval '4 months')::date < ${today}::date)::int as n_tacit
        from windowed
       group by grouping sets ((days, dep, card_type), (days, dep), (days, card_type), (days))
    )
    insert into prefecture_statistics (
      computed_on, scope, window_days, card_type, applications_filed,
      prolongation_median_days, prolongation_p90_days, decision_median_days, decision_p90_days,
      gap_count, gap_share, tacit_refusals, message_answer_median_days, appointment_next_slot_days, computed_at)
    select ${today}::date, scope, days, card_type,
           case when n >= ${min} then n end,
           case when n >= ${min} and n_prolonged >= ${min} then prolongation_median end,
           case when n >= ${min} and n_prolonged >= ${min} then prolongation_p90 end,
           case when n >= ${min} and n_decided >= ${min} then decision_median end,
           case when n >= ${min} and n_decided >= ${min} then decision_p90 end,
           case when n >= ${min} and n_pending_in_time >= ${min} then n_gap end,
           case when n >= ${min} and n_pending_in_time >= ${min} then round(n_gap::numeric / n_pending_in_time, 4) end,
           case when n >= ${min} then n_tacit end,
           null, null, ${now.toISOString()}::timestamptz
      from grouped
    on conflict (computed_on, scope, window_days, card_type) do update set
      applications_filed = excluded.applications_filed,
      prolongation_median_days = excluded.prolongation_median_days,
      prolongation_p90_days = excluded.prolongation_p90_days,
      decision_median_days = excluded.decision_median_days,
      decision_p90_days = excluded.decision_p90_days,
      gap_count = excluded.gap_count,
      gap_share = excluded.gap_share,
      tacit_refusals = excluded.tacit_refusals,
      message_answer_median_days = null,
      appointment_next_slot_days = null,
      computed_at = excluded.computed_at
    returning 1
  `);
  return Array.isArray(result) ? result.length : ((result as { rows?: unknown[] }).rows?.length ?? 0);
}

/** Median days to the préfecture's first reply, into the day's `all` rows. */
async function updateMessageAnswerTimes(db: Db, today: string, min: number): Promise<void> {
  await db.execute(sql`
    with threads as (
      select pr.departement_code as dep,
             (t.created_at at time zone 'Europe/Paris')::date as sent_on,
             coalesce((t.first_answered_at at time zone 'Europe/Paris')::date, ${today}::date)
               - (t.created_at at time zone 'Europe/Paris')::date as waited
        from message_threads t
        join prefectures pr on pr.id = t.prefecture_id
       where t.created_at > ${today}::date - 366
    ),
    grouped as (
      select w.days as window_days, coalesce(dep, 'FR') as scope, count(*)::int as n,
             percentile_disc(0.5) within group (order by waited) as median
        from threads
        join (values (30), (90), (365)) as w(days) on sent_on > ${today}::date - w.days and sent_on <= ${today}::date
       group by grouping sets ((w.days, dep), (w.days))
    )
    update prefecture_statistics s
       set message_answer_median_days = case when g.n >= ${min} then g.median end
      from grouped g
     where s.computed_on = ${today}::date and s.scope = g.scope and s.window_days = g.window_days and s.card_type = 'all'
  `);
}

/** Days to the next free digital help desk slot, into the day's `all` rows. */
async function updateNextFreeAppointments(db: Db, today: string, now: Date): Promise<void> {
  await db.execute(sql`
    with next_free as (
      select pr.departement_code as scope,
             min((s.starts_at at time zone 'Europe/Paris')::date) - ${today}::date as days
        from appointment_slots s
        join prefectures pr on pr.id = s.prefecture_id
       where s.kind = 'help_desk' and s.cancelled_at is null and s.booked < s.capacity and s.starts_at > ${now.toISOString()}::timestamptz
       group by pr.departement_code
    ),
    scoped as (
      select scope, days from next_free
      union all
      select 'FR', percentile_disc(0.5) within group (order by days) from next_free having count(*) > 0
    )
    update prefecture_statistics s
       set appointment_next_slot_days = n.days
      from scoped n
     where s.computed_on = ${today}::date and s.scope = n.scope and s.card_type = 'all'
  `);
}
