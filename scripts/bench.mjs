#!/usr/bin/env node
// `npm run bench`: every benchmark in bench/, one after the other, printing their figures.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

for (const file of readdirSync('bench').filter((f) => f.endsWith('.ts')).sort()) {
  console.log(`\n▶ bench/${file}`);
  const result = spawnSync('npx', ['tsx', `bench/${file}`], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
