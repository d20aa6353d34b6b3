/**
 * "Nobody falls through" (issue 5; docs/adr/0019-back-office-flags-and-dashboard.md): the daily
 * check that raises a flag on every open application that needs a look, and clears it the first
 * day it no longer does:
 *
 * - `document_lapses`: filed in time, and the person's cover (the card, or the newest current
 *   attestation de prolongation) ends within 15 days while nothing will renew it — the automatic
 *   prolongation is held back by an agent, or the cover has already lapsed (the automatic issue
 *   did not happen);
 * - `tacit_refusal_30` / `tacit_refusal_7`: the implicit rejection the deadline engine dated
 *   (`applications.tacit_refusal_on`, ADR 0014) is 30 / 7 days away or less (30 stops where 7
 *   begins);
 * - `request_overdue`: the open request for documents is past its due date.
 *
 * Each kind is one `INSERT … SELECT … ON CONFLICT DO NOTHING` (the partial unique index on raised
 * flags makes it idempotent) and one `UPDATE` clearing the flags whose condition is gone, in one
 * transaction; every flag actually raised notifies the préfecture's supervisors in-app, once.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { addDays, formatIsoDate, toEpochDay, type IsoDate } from '../../../domain/calendar/epoch-day';
import type { CaseFlagKind } from '../../db/schema/index';

export const LAPSE_WITHIN_DAYS = 15;

export interface FlagRun {
  raised: Record<CaseFlagKind, number>;
  cleared: number;
  notified: number;
}

const OPEN = sql`a.status in ('submitted', 'documents_requested', 'complete') and a.filed_on is not null`;

/** `select application_id, prefecture_id, about_on` of the applications the flag applies to today. */
function candidates(kind: CaseFlagKind, today: IsoDate): SQL {
  const day = (n: number) => formatIsoDate(addDays(toEpochDay(today), n));
  switch (kind) {
    case 'tacit_refusal_30':
      return sql`select a.id as application_id, a.prefecture_id, a.tacit_refusal_on as about_on from applications a
        where ${OPEN} and a.tacit_refusal_on > ${day(7)}::date and a.tacit_refusal_on <= ${day(30)}::date`;
    case 'tacit_refusal_7':
      return sql`select a.id as application_id, a.prefecture_id, a.tacit_refusal_on as about_on from applications a
        where ${OPEN} and a.tacit_refusal_on <= ${day(7)}::date`;
    case 'request_overdue':
      return sql`select a.id as application_id, a.prefecture_id, a.open_request_due_on as about_on from applications a
        where ${OPEN} and a.open_request_due_on < ${today}::date`;
    case 'document_lapses':
      return sql`select application_id, prefecture_id, about_on from (
          select a.id as application_id, a.prefecture_id, a.prolongation_blocked_at,
            greatest(p.valid_until_on, (select max(t.valid_until_on) from attestations t
              where t.application_id = a.id and t.kind = 'prolongation' and t.superseded_at is null)) as about_on
          from applications a join permits p on p.id = a.permit_id
          where ${OPEN} and a.filing_status = 'in_time' and p.valid_until_on <= ${day(LAPSE_WITHIN_DAYS)}::date
        ) c
        where c.about_on <= ${day(LAPSE_WITHIN_DAYS)}::date and (c.prolongation_blocked_at is not null or c.about_on < ${today}::date)`;
  }
}

const KINDS: readonly CaseFlagKind[] = ['document_lapses', 'tacit_refusal_30', 'tacit_refusal_7', 'request_overdue'];

export async function flagCases(deps: { db: Db; now: () => Date }, today: IsoDate): Promise<FlagRun> {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const run: FlagRun = { raised: { document_lapses: 0, tacit_refusal_30: 0, tacit_refusal_7: 0, request_overdue: 0 }, cleared: 0, notified: 0 };
    for (const kind of KINDS) {
      const due = candidates(kind, today);
      const cleared = (await tx.execute(sql`
        update case_flags f set cleared_on = ${today}::date
        where f.kind = ${kind} and f.cleared_on is null
          and not exists (select 1 from (${due}) d where d.application_id = f.application_id)
        returning f.id`)) as unknown as { rows: unknown[] };
      run.cleared += cleared.rows.length;
      // Raise, and in the same statement give each supervisor of the case's préfecture one in-app
      // notice per new flag (one statement whatever the number raised: a national first run raises
      // tens of thousands, too many to pass back as parameters).
      const result = (await tx.execute(sql`
        with raised as (
          insert into case_flags (application_id, prefecture_id, kind, raised_on, about_on, created_at)
          select application_id, prefecture_id, ${kind}, ${today}::date, about_on, ${now} from (${due}) d
          on conflict do nothing
          returning application_id, prefecture_id, kind, about_on
        ), notified as (
          insert into notifications (user_id, kind, params, created_at)
          select up.user_id, 'case_flag',
            jsonb_build_object('flag', f.kind, 'reference', a.reference, 'applicationId', a.id::text, 'aboutOn', coalesce(f.about_on::text, '')),
            ${now}
          from raised f
          join applications a on a.id = f.application_id
          join user_prefectures up on up.prefecture_id = f.prefecture_id
          join users u on u.id = up.user_id and u.role = 'supervisor'
          returning id
        )
        select (select count(*) from raised)::int as raised, (select count(*) from notified)::int as notified`)) as unknown as {
        rows: Array<{ raised: number; notified: number }>;
      };
      run.raised[kind] = Number(result.rows[0]?.raised ?? 0);
      run.notified += Number(result.rows[0]?.notified ?? 0);
    }
    return run;
  });
}
