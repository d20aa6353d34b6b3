/**
 * `npm run admin -- <command>`: the operator's tool for what no web page may do before an
 * administrator exists. With the embedded database, stop the server first (one process per data
 * folder).
 *
 *   create-admin --email <address> --name <display name>
 *   create-staff --role agent|supervisor --email <address> --name <display name> --departement 69 [--departement 01 …]
 *   reset-second-factor --email <address>
 *
 * Passwords are drawn at random and printed once, on this terminal only (never logged).
 */
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { ConfigError, loadEnv } from '../env';
import { openDatabase, type Database } from '../db/client';
import { DataDirInUseError } from '../db/data-dir-lock';
import { prepareDatabase } from '../db/setup';
import { users } from '../db/schema/index';
import { AppError } from '../http/problem';
import { translate } from '../i18n/index';
import { createStaffAccount, type StaffRole } from '../usecases/staff/create-staff-account';
import { resetSecondFactor } from '../usecases/second-factor/reset-second-factor';
import { normalizeEmail } from '../usecases/accounts/secrets';

const USAGE = `Usage: npm run admin -- <command> [options]
  create-admin --email <address> --name <display name>
  create-staff --role agent|supervisor --email <address> --name <display name> --departement <code> [--departement <code> …]
  reset-second-factor --email <address>`;

class UsageError extends Error {}

function explain(error: AppError): string {
  const detail = translate('en', `errors:problems.${error.code}.detail`, error.params);
  const fields = error.fieldErrors.map((f) => `  ${f.field}: ${translate('en', `errors:fields.${f.code}`, f.params)}`);
  return [detail, ...fields].join('\n');
}

async function run(database: Database, argv: string[]): Promise<string> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      departement: { type: 'string', multiple: true },
    },
    strict: true,
  });
  switch (command) {
    case 'create-admin':
    case 'create-staff': {
      const role = command === 'create-admin' ? 'admin' : values.role;
      if (role !== 'admin' && role !== 'agent' && role !== 'supervisor') throw new UsageError('--role must be agent or supervisor');
      if (!values.email || !values.name) throw new UsageError('--email and --name are required');
      const created = await createStaffAccount(database.db, {
        email: values.email,
        displayName: values.name,
        role: role as StaffRole,
        departements: values.departement ?? [],
      });
      return [
        `Created ${role} account ${created.email}.`,
        `Password (shown once; give it in person, it is not stored anywhere in clear): ${created.password}`,
        'At first sign-in they enrol an authenticator app (second factor) before seeing any case.',
      ].join('\n');
    }
    case 'reset-second-factor': {
      if (!values.email) throw new UsageError('--email is required');
      const [user] = await database.db.select({ id: users.id, role: users.role }).from(users).where(eq(users.email, normalizeEmail(values.email)));
      if (!user || user.role === 'applicant') throw new UsageError(`no staff account ${values.email}`);
      await resetSecondFactor(database.db, { userId: user.id });
      return `Second factor of ${values.email} removed and their sessions ended; they enrol again at next sign-in.`;
    }
    default:
      throw new UsageError(command ? `unknown command ${command}` : 'a command is required');
  }
}

async function main(): Promise<number> {
  let database: Database | undefined;
  try {
    const env = loadEnv();
    database = await openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir });
    await prepareDatabase(database);
    process.stdout.write(`${await run(database, process.argv.slice(2))}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) process.stderr.write(`sejour admin: ${error.message}\n${USAGE}\n`);
    else if (error instanceof AppError) process.stderr.write(`sejour admin: ${explain(error)}\n`);
    else if (error instanceof ConfigError || error instanceof DataDirInUseError) process.stderr.write(`sejour admin: ${error.message}\n`);
    else if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`sejour admin: ${error.message}\n${USAGE}\n`);
    } else throw error;
    return 2;
  } finally {
    await database?.close();
  }
}

process.exitCode = await main();
