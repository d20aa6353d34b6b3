#!/usr/bin/env node
// `npm run bench`: every benchmark in bench/, one after the other, printing their figures.
// Fault scripts (`bench/fault-*.ts`) restart or kill shared services: they run only when named.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

for (const file of readdirSync('bench').filter((f) => f.endsWith('.ts') && !f.startsWith('fault-')).sort()) {
  console.log(`\n▶ bench/${file}`);
  const result = spawnSync('npx', ['tsx', `bench/${file}`], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
