/**
 * The service's clock. Real time, except with `CLOCK_START` (demos, training, browser tests;
 * refused in production): time then starts at that instant when the process starts and runs on at
 * the normal pace, so everything that depends on "today" — deadlines, reminders, prolongations —
 * can be shown months ahead without touching the data.
 */
import type { Env } from './env';

export function clockOf(env: Pick<Env, 'clockStart'>, startedAt: number = Date.now()): () => Date {
  const start = env.clockStart;
  if (start === undefined) return () => new Date();
  const offset = start.getTime() - startedAt;
  return () => new Date(Date.now() + offset);
}
