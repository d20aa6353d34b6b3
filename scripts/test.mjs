#!/usr/bin/env node
// `npm test`: the whole suite in order — type-check, lint, unit + API tests, front-end build,
// browser end-to-end tests. Stops at the first failing step and exits non-zero.
// On PGlite by default; on PostgreSQL when TEST_DATABASE_URL is set.
import { spawnSync } from 'node:child_process';

const steps = [
  ['type-check', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['lint', 'npx', ['eslint', '--max-warnings', '0', '.']],
  ['unit and API tests', 'npx', ['vitest', 'run', '--project', 'unit']],
  ['front-end build', 'npm', ['run', '--silent', 'build:web']],
  ['browser end-to-end tests', 'npx', ['vitest', 'run', '--project', 'e2e']],
];

const only = process.argv.slice(2);
const database = process.env.TEST_DATABASE_URL ? 'PostgreSQL (TEST_DATABASE_URL)' : 'PGlite';
console.log(`sejour test suite on ${database}`);
for (const [name, command, args] of steps) {
  if (only.length > 0 && !only.some((o) => name.includes(o))) continue;
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, TZ: 'UTC', FORCE_COLOR: '0' } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`✗ ${name} failed after ${seconds}s (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
  console.log(`✓ ${name} (${seconds}s)`);
}
