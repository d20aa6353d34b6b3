/** One of the caller's applications, with its checklist, documents, requests and full history. */
import type { Db } from '../../db/client';
import { applications, permits } from '../../db/schema/index';
import { eq } from 'drizzle-orm';
import type { ApplicationBody } from '../../../contract/applications';
import type { Locale } from '../../i18n/index';
import { todayOf, type ApplicationsContext, type Caller } from './context';
import { presentApplication } from './present';
import {
  activeDocuments,
  foreignerNumberOf,
  historyOf,
  loadOwnApplication,
  prefectureById,
  requestsOf,
  type ApplicationRow,
} from './queries';

/** Presents an application the caller may see (already loaded, policy applied). */
export async function applicationDetail(ctx: ApplicationsContext, db: Db, loaded: ApplicationRow, locale: Locale = 'fr'): Promise<ApplicationBody> {
  // Inside an act's transaction the legal clock's copy may have been refreshed after the row was
  // loaded; a plain read loaded it just now.
  const inTransaction = db !== ctx.db;
  const [clock] = inTransaction
    ? await db
        .select({ tacitRefusalOn: applications.tacitRefusalOn, tacitRefusalRecordedOn: applications.tacitRefusalRecordedOn })
        .from(applications)
        .where(eq(applications.id, loaded.id))
    : [];
  const application = { ...loaded, ...clock };
  const [permit] = await db.select().from(permits).where(eq(permits.id, application.permitId));
  if (!permit) throw new Error(`permit ${application.permitId} vanished`);
  const reads = [
    () => prefectureById(db, application.prefectureId),
    () => activeDocuments(db, application.id),
    () => historyOf(db, application.id),
    () => requestsOf(db, application.id),
    () => foreignerNumberOf(db, application.userId),
  ] as const;
  // On the pool the reads go out together; inside a transaction (after an act) they share one
  // connection, which takes one query at a time: sent together, pg queues them and warns.
  const [prefecture, documents, history, requests, foreignerNumber] = inTransaction
    ? ([await reads[0](), await reads[1](), await reads[2](), await reads[3](), await reads[4]()] as const)
    : await Promise.all([reads[0](), reads[1](), reads[2](), reads[3](), reads[4]()]);
  return presentApplication(
    { application, permit, prefecture, documents, history, requests, foreignerNumber: foreignerNumber ?? '' },
    ctx.limits,
    todayOf(ctx),
    locale,
  );
}

export async function getApplication(ctx: ApplicationsContext, caller: Caller, applicationId: string, locale: Locale = 'fr'): Promise<ApplicationBody> {
  const application = await loadOwnApplication(ctx.db, caller, applicationId);
  return applicationDetail(ctx, ctx.db, application, locale);
}
