#!/usr/bin/env node
// `npm run bench`: every benchmark in bench/, one after the other, printing their figures.
// Not run here: fault scripts (`bench/fault-*.ts`, they restart or kill shared services), the
// national load (`load-national.ts`, it loads 4,000,000 people the first time) — each only when
// named — and the modules the benchmarks use (`national-data.ts`, `bare-read-server.ts`).
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const NOT_BENCHMARKS = new Set(['national-data.ts', 'bare-read-server.ts', 'load-national.ts']);

for (const file of readdirSync('bench').filter((f) => f.endsWith('.ts') && !f.startsWith('fault-') && !NOT_BENCHMARKS.has(f)).sort()) {
  console.log(`\n▶ bench/${file}`);
  const result = spawnSync('npx', ['tsx', `bench/${file}`], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
