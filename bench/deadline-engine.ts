/**
 * Benchmark of the deadline engine: the full output (dates with both explanations, coverage,
 * fees, warnings) for 1,000,000 generated, varied, valid inputs, on one core.
 * Run: `npx tsx bench/deadline-engine.ts [count]`. Target: < 20 µs per person.
 *
 * Inputs are generated in batches outside the timed section; only `computeDeadlines` is timed
 * (validation is timed separately). A seeded generator makes runs comparable.
 */
import { addDays, addMonths, formatIsoDate, parseIsoDate, type EpochDay } from '../domain/calendar/epoch-day';
import { DEPARTMENTS } from '../domain/departments';
import { computeDeadlines } from '../domain/deadlines/compute-deadlines';
import { DECISION_KINDS, PERMIT_KINDS, type Application, type DeadlineInput, type DocumentRequest } from '../domain/deadlines/types';
import { validateDeadlineInput } from '../domain/deadlines/validate-deadline-input';
import { CARD_TYPE_IDS } from '../domain/rules/card-types';

const TOTAL = Number(process.argv[2] ?? 1_000_000);
const BATCH = 10_000;

/** mulberry32: a small seeded PRNG, so every run sees the same inputs. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const next = random(20_260_101);
const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
const pick = <T>(values: readonly T[]): T => values[int(0, values.length - 1)] as T;
const chance = (p: number): boolean => next() < p;
const iso = formatIsoDate;

const FIRST_EXPIRY = parseIsoDate('2024-01-01') as EpochDay;

function generate(): DeadlineInput {
  const kind = pick(PERMIT_KINDS);
  const expiry = addDays(FIRST_EXPIRY, int(0, 5 * 365));
  const validFrom =
    kind === 'vls_ts'
      ? addDays(expiry, -int(120, 364))
      : addDays(addMonths(expiry, kind === 'temporary_card' ? -12 : kind === 'multi_year_card' ? -pick([24, 48]) : -120), 1);
  const entered = kind === 'vls_ts' ? addDays(validFrom, int(0, 30)) : undefined;
  const validated = entered !== undefined && chance(0.7) ? addDays(entered, int(0, 100)) : undefined;
  let latest = Math.max(validated ?? 0, entered ?? 0);

  let application: Application | undefined;
  if (chance(0.8)) {
    const filed = addDays(expiry, int(-120, 240));
    const documentRequests: DocumentRequest[] = [];
    for (let i = int(0, 3); i > 0; i--) {
      const requested = addDays(filed, int(0, 60));
      const answered = chance(0.6) ? addDays(requested, int(0, 40)) : undefined;
      documentRequests.push({ requestedOn: iso(requested), dueOn: iso(addDays(requested, 30)), ...(answered ? { answeredOn: iso(answered) } : {}) });
      latest = Math.max(latest, requested, answered ?? 0);
    }
    const complete = chance(0.7) ? addDays(filed, int(0, 40)) : undefined;
    const decided = chance(0.5) ? addDays(filed, int(61, 200)) : undefined;
    const reasonsRequested = decided === undefined && chance(0.3) ? addDays(addMonths(filed, 4), int(100, 140)) : undefined;
    const reasonsGiven = reasonsRequested !== undefined && chance(0.5) ? addDays(reasonsRequested, int(0, 40)) : undefined;
    latest = Math.max(latest, filed, complete ?? 0, decided ?? 0, reasonsRequested ?? 0, reasonsGiven ?? 0);
    application = {
      filedOn: iso(filed),
      ...(complete === undefined ? {} : { completeOn: iso(complete) }),
      ...(documentRequests.length === 0 ? {} : { documentRequests }),
      ...(decided === undefined ? {} : { decision: { kind: pick(DECISION_KINDS), notifiedOn: iso(decided) } }),
      ...(reasonsRequested === undefined ? {} : { reasonsRequestedOn: iso(reasonsRequested) }),
      ...(reasonsGiven === undefined ? {} : { reasonsGivenOn: iso(reasonsGiven) }),
    };
  }
  return {
    permit: { kind, cardType: pick(CARD_TYPE_IDS), validFrom: iso(validFrom), validUntil: iso(expiry) },
    ...(entered === undefined ? {} : { enteredFranceOn: iso(entered) }),
    ...(validated === undefined ? {} : { vlsTsValidatedOn: iso(validated) }),
    department: pick(DEPARTMENTS),
    ...(application === undefined ? {} : { application }),
    today: iso(addDays(Math.max(latest, addDays(validFrom, int(0, 400))) as EpochDay, int(0, 200))),
  };
}

/** A batch of inputs the validator accepts (generated inputs it refuses are counted and replaced). */
function validBatch(size: number, rejected: { count: number }): { inputs: DeadlineInput[]; validationMs: number } {
  const inputs: DeadlineInput[] = [];
  let validationMs = 0;
  while (inputs.length < size) {
    const input = generate();
    const started = performance.now();
    const issues = validateDeadlineInput(input);
    validationMs += performance.now() - started;
    if (issues.length === 0) inputs.push(input);
    else rejected.count++;
  }
  return { inputs, validationMs };
}

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

function main(): void {
  // Warm-up: let the JIT compile the engine before measuring.
  for (const input of validBatch(20_000, { count: 0 }).inputs) computeDeadlines(input);

  const before = process.memoryUsage();
  const rejected = { count: 0 };
  let computeMs = 0;
  let validationMs = 0;
  let checksum = 0;
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  const counts = { dates: 0, periods: 0, warnings: 0 };

  for (let done = 0; done < TOTAL; done += BATCH) {
    const batch = validBatch(Math.min(BATCH, TOTAL - done), rejected);
    validationMs += batch.validationMs;
    const started = performance.now();
    for (const input of batch.inputs) {
      const result = computeDeadlines(input);
      checksum += result.dates.length + result.coverage.length + result.feesTotalEur;
      counts.dates += result.dates.length;
      counts.periods += result.coverage.length;
      counts.warnings += result.warnings.length;
    }
    computeMs += performance.now() - started;
    const memory = process.memoryUsage();
    peakRss = Math.max(peakRss, memory.rss);
    peakHeap = Math.max(peakHeap, memory.heapUsed);
  }
  const after = process.memoryUsage();

  console.log(`deadline engine — ${TOTAL.toLocaleString('en')} generated inputs, one core, Node ${process.version}`);
  console.log(`  computeDeadlines : ${((computeMs * 1000) / TOTAL).toFixed(2)} µs per person (${(computeMs / 1000).toFixed(2)} s total)`);
  console.log(`  validate         : ${((validationMs * 1000) / (TOTAL + rejected.count)).toFixed(2)} µs per input`);
  console.log(`  output per person: ${(counts.dates / TOTAL).toFixed(1)} dates, ${(counts.periods / TOTAL).toFixed(1)} coverage periods, ${(counts.warnings / TOTAL).toFixed(2)} warnings`);
  console.log(`  generated inputs refused by validation and replaced: ${rejected.count.toLocaleString('en')}`);
  console.log(`  memory: rss ${mib(before.rss)} → ${mib(after.rss)} (peak ${mib(peakRss)}); heap used ${mib(before.heapUsed)} → ${mib(after.heapUsed)} (peak ${mib(peakHeap)})`);
  console.log(`  (checksum ${checksum})`);
  const target = 20;
  const perPerson = (computeMs * 1000) / TOTAL;
  console.log(perPerson < target ? `  ✓ under the ${target} µs target` : `  ✗ over the ${target} µs target`);
}

main();
