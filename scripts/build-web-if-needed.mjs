#!/usr/bin/env node
/**
 * `npm start`'s prestart: builds the front end (`npm run build:web`) only when dist/web/index.html
 * is missing or older than one of the files it is built from. Prints one line saying what it did;
 * on a failed build, prints the build's output and exits with its code.
 *
 * Sources watched: web/, locales/, contract/ and domain/ (the web imports both), vite.config.ts,
 * index.html (if one exists at the root), package-lock.json (a dependency changed). Test files and
 * dot-files are ignored.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUTPUT = join(ROOT, 'dist', 'web', 'index.html');
const SOURCES = ['web', 'locales', 'contract', 'domain', 'vite.config.ts', 'index.html', 'package-lock.json'];
const IGNORED = /(^|[\\/])(\.|node_modules$)|\.test\.[cm]?[jt]sx?$/;

/** The most recently modified file under `path` (a file or a folder), or undefined. */
function newestFile(path) {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return undefined;
  }
  if (stats.isFile()) return { path, mtimeMs: stats.mtimeMs };
  if (!stats.isDirectory()) return undefined;
  let newest;
  for (const entry of readdirSync(path)) {
    if (IGNORED.test(entry)) continue;
    const candidate = newestFile(join(path, entry));
    if (candidate !== undefined && (newest === undefined || candidate.mtimeMs > newest.mtimeMs)) newest = candidate;
  }
  return newest;
}

function mtimeOf(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

const builtAt = mtimeOf(OUTPUT);
let newest;
for (const source of SOURCES) {
  const candidate = newestFile(join(ROOT, source));
  if (candidate !== undefined && (newest === undefined || candidate.mtimeMs > newest.mtimeMs)) newest = candidate;
}

const prefix = 'build-web-if-needed:';
if (builtAt !== undefined && (newest === undefined || newest.mtimeMs <= builtAt)) {
  console.log(`${prefix} dist/web is up to date (built ${new Date(builtAt).toISOString()}), not rebuilding.`);
  process.exit(0);
}

const reason =
  builtAt === undefined ? 'dist/web/index.html is missing' : `${relative(ROOT, newest.path)} changed since the last build`;
const started = Date.now();
// Through the npm that runs this script when there is one (npm sets npm_execpath), else `npm`.
const npmCli = process.env.npm_execpath;
const [command, args] =
  npmCli !== undefined && npmCli.endsWith('.js')
    ? [process.execPath, [npmCli, 'run', 'build:web']]
    : [process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build:web']];
const build = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], shell: false });

if (build.status !== 0) {
  process.stdout.write(build.stdout ?? '');
  process.stderr.write(build.stderr ?? '');
  if (build.error !== undefined) console.error(build.error);
  console.error(`${prefix} ${reason}; the front-end build FAILED (see above).`);
  process.exit(build.status ?? 1);
}
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`${prefix} ${reason}; built the front end into dist/web in ${seconds} s.`);
