/**
 * Browser journeys run against the app started as a user starts it (`npm start`), on a fresh
 * data folder — or a fresh PostgreSQL database when TEST_DATABASE_URL is set — in Debian's
 * chromium driven by playwright-core. Every page visited is checked by axe-core.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { randomBytes } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import pg from 'pg';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { expect } from 'vitest';

export const SCREENSHOT_DIR = path.resolve('test-results/screenshots');

export interface RunningApp {
  url: string;
  dataDir: string;
  process: ChildProcess;
  output: () => string;
  /**
   * Ctrl-C, as a user would (the signal goes to the whole process group, like a terminal's);
   * resolves once every process of the group has closed its output.
   */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function freshPostgresUrl(base: string): Promise<string> {
  const name = `sejour_e2e_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function startApp(options: { dataDir?: string; env?: Record<string, string> } = {}): Promise<RunningApp> {
  const port = await freePort();
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'sejour-e2e-'));
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    PORT: String(port),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    RATE_LIMIT_MAX: '100000',
    ...options.env,
  };
  delete env.TEST_DATABASE_URL;
  if (process.env.TEST_DATABASE_URL && !options.env?.DATABASE_URL) {
    env.DATABASE_URL = await freshPostgresUrl(process.env.TEST_DATABASE_URL);
  }
  const child = spawn('npm', ['start', '--silent'], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += String(chunk)));
  child.stderr?.on('data', (chunk) => (output += String(chunk)));
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited during start-up:\n${output}`);
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      process.kill(-child.pid!, 'SIGKILL');
      throw new Error(`the app did not become ready in time:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }

  return {
    url,
    dataDir,
    process: child,
    output: () => output,
    async stop(signal = 'SIGINT') {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // already gone
      }
      return closed;
    },
  };
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and CSP violations seen so far. */
  problems: string[];
}

export async function openPage(
  browser: Browser,
  options: { width?: number; height?: number; locale?: string } = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    locale: options.locale ?? 'fr-FR',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return { page, context, problems };
}

export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
  expect(summary).toEqual([]);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** `today + days`, as YYYY-MM-DD in Europe/Paris (the app's legal today). */
export function dayFromToday(days: number): string {
  const paris = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const date = new Date(`${paris}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export interface ApiCallOptions {
  data?: unknown;
  headers?: Record<string, string>;
  multipart?: Record<string, { name: string; mimeType: string; buffer: Buffer }>;
}

/** The browser's own session calling the API (cookies of the context, CSRF header from its cookie). */
export async function apiCall(context: BrowserContext, origin: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', apiPath: string, options: ApiCallOptions = {}) {
  const csrf = (await context.cookies(origin)).find((cookie) => cookie.name === 'sejour_csrf')?.value ?? '';
  const response = await context.request.fetch(`${origin}${apiPath}`, {
    method,
    headers: { 'x-csrf-token': csrf, ...options.headers },
    ...(options.data === undefined ? {} : { data: options.data }),
    ...(options.multipart === undefined ? {} : { multipart: options.multipart }),
  });
  return { status: response.status(), body: (await response.json().catch(() => null)) as Record<string, unknown> };
}

export interface DemoAccount {
  email: string;
  password: string;
  /** Staff accounts come enrolled in the second factor. */
  totpSecret?: string;
}

/** A demo account the embedded app printed into DATA_DIR/demo-accounts.json (`demo.applicant`, `demo.agent`, `demo.supervisor`…). */
export function demoAccount(app: RunningApp, prefix: string): DemoAccount {
  const accounts = JSON.parse(fs.readFileSync(path.join(app.dataDir, 'demo-accounts.json'), 'utf8')) as DemoAccount[];
  const account = accounts.find((a) => a.email.startsWith(prefix));
  if (!account) throw new Error(`no demo account ${prefix}`);
  return account;
}
