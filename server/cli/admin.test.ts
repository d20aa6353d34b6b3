import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { verifyPassword } from '../adapters/password';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sejour-admin-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function admin(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/admin.ts', ...args], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run admin', () => {
  it('creates the first administrator with a password printed once, and staff tied to their préfectures', { timeout: 90_000 }, async () => {
    const created = admin('create-admin', '--email', 'Claire.Martin@Example.org', '--name', 'Claire Martin');
    expect(created.code, created.stderr).toBe(0);
    const password = /Password[^:]*: (\S+)/.exec(created.stdout)?.[1] ?? '';
    expect(password.length).toBeGreaterThanOrEqual(20);

    expect(admin('create-admin', '--email', 'claire.martin@example.org', '--name', 'Again').stderr).toContain('already uses this email');
    const unknown = admin('create-staff', '--role', 'agent', '--email', 'agent@example.org', '--name', 'Agent', '--departement', '999');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('999');
    expect(admin('create-staff', '--role', 'applicant', '--email', 'x@example.org', '--name', 'X', '--departement', '69').stderr).toContain('--role');
    expect(admin('delete-everything').code).toBe(2);
    const agent = admin('create-staff', '--role', 'agent', '--email', 'agent@example.org', '--name', 'Agent Rhône', '--departement', '69', '--departement', '01');
    expect(agent.code, agent.stderr).toBe(0);

    const db = await PGlite.create(path.join(dataDir, 'pg'));
    try {
      const { rows } = await db.query<{ email: string; role: string; password_hash: string; codes: string }>(
        `select u.email, u.role, u.password_hash,
                coalesce(string_agg(p.departement_code, ',' order by p.departement_code), '') as codes
           from users u left join user_prefectures up on up.user_id = u.id left join prefectures p on p.id = up.prefecture_id
          group by u.email, u.role, u.password_hash order by u.email`,
      );
      expect(rows.map((r) => [r.email, r.role, r.codes])).toEqual([
        ['agent@example.org', 'agent', '01,69'],
        ['claire.martin@example.org', 'admin', ''],
      ]);
      const adminRow = rows.find((r) => r.role === 'admin');
      expect(await verifyPassword(adminRow?.password_hash ?? '', password)).toBe(true);
      expect(adminRow?.password_hash).not.toContain(password);
    } finally {
      await db.close();
    }
  });
});
