/** What the profile use cases receive: the database and the clock. */
import type { Db } from '../../db/client';
import type { Viewer } from '../../policies/applications';

export interface ProfileContext {
  db: Db;
  now: () => Date;
}

/** The signed-in applicant (`request.user`). */
export type Caller = Viewer;
