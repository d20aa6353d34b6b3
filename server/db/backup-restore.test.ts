/**
 * The production backup procedure of docs/deployment.md, run for real on PostgreSQL: `pg_dump` in
 * custom format, `pg_restore` into an empty database, and Sejour starts on the copy with everything
 * in it — rows, migrations already applied, the audit log's append-only trigger.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createEmptyDatabase, createTestDatabase } from '../../test/db';
import { createUser } from '../../test/accounts';
import { appliedMigrationCount, expectedMigrationCount } from './client';
import { prepareDatabase } from './setup';
import { auditEvents, departements, users } from './schema/index';

describe.skipIf(!process.env.TEST_DATABASE_URL)('PostgreSQL backup and restore', () => {
  it('restores a pg_dump into an empty database that Sejour then uses as is', { timeout: 120_000 }, async () => {
    const source = await createTestDatabase();
    const target = await createEmptyDatabase();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sejour-backup-'));
    try {
      const person = await createUser(source.db, { displayName: 'Personne Sauvegardée' });
      const agent = await createUser(source.db, { role: 'agent' });
      await source.db.insert(auditEvents).values({
        at: new Date(),
        actorUserId: agent.id,
        actorRole: 'agent',
        action: 'case.read',
        objectType: 'application',
        objectId: 'backup-check',
        prefectureId: null,
      });

      const dump = path.join(dir, 'sejour.dump');
      execFileSync('pg_dump', ['--format=custom', '--no-owner', `--file=${dump}`, `--dbname=${source.url}`]);
      expect(fs.statSync(dump).size).toBeGreaterThan(10_000);
      execFileSync('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${target.url}`, dump]);

      expect(await appliedMigrationCount(target.db)).toBe(expectedMigrationCount());
      await prepareDatabase(target); // start-up on the restored copy: nothing to migrate, nothing breaks
      const [restored] = await target.db.select().from(users).where(eq(users.id, person.id));
      expect(restored?.displayName).toBe('Personne Sauvegardée');
      expect(restored?.passwordHash).toMatch(/^\$argon2id\$/);
      const refused = await target.db.execute(sql`delete from audit_events where object_id = 'backup-check'`).then(
        () => false,
        () => true,
      );
      expect(refused).toBe(true);
      const [counted] = await target.db.select({ count: sql<number>`count(*)::int` }).from(departements);
      expect(counted?.count).toBe(101);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      await source.close();
      await target.close();
    }
  });
});
