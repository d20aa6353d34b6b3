/** Bulk due reminders for the delivery tests and the benchmark: `count` people, one due email each. */
import { sql } from 'drizzle-orm';
import type { Db } from '../server/db/client';

export async function insertDueReminders(db: Db, count: number, options: { now?: Date; tag?: string; channel?: 'email' | 'sms' | 'in_app' } = {}): Promise<void> {
  const now = options.now ?? new Date();
  const tag = options.tag ?? Math.random().toString(36).slice(2, 8);
  const channel = options.channel ?? 'email';
  const sendAt = new Date(now.getTime() - 60_000);
  await db.execute(sql`
    WITH people AS (
      INSERT INTO users (email, display_name, role, locale)
      SELECT 'p' || g || '-' || ${tag} || '@example.org', 'Person ' || g, 'applicant', CASE WHEN g % 2 = 0 THEN 'en' ELSE 'fr' END
      FROM generate_series(1, ${count}) AS g
      RETURNING id
    )
    INSERT INTO reminders (user_id, kind, subject_id, due_on, about_on, send_at, next_attempt_at, channel, idempotency_key, rule_id, citation, sejour_own, created_at)
    SELECT id, 'renewal_4_months', gen_random_uuid(), ${sendAt.toISOString().slice(0, 10)}::date, '2027-06-30'::date, ${sendAt}, ${sendAt}, ${channel},
           id || ':renewal_4_months:' || ${sendAt.toISOString().slice(0, 10)} || ':' || ${channel}, 'R-90', 'Pratique administrative (outil PERSée, DGEF)', false, ${now}
    FROM people`);
}
