/**
 * Configuration, parsed and validated once at start-up from environment variables.
 * A wrong value stops the process with one line naming the variable (see `loadEnv`).
 * Every variable here is listed in the README's configuration table.
 */
import path from 'node:path';

export type DatabaseMode = 'pglite' | 'postgres';

/** `in-process`: `npm start` also runs the background jobs; `off`: web only (separate workers). */
export type WorkerMode = 'in-process' | 'off';

export interface Env {
  nodeEnv: 'development' | 'production' | 'test';
  host: string;
  port: number;
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databaseMode: DatabaseMode;
  workerMode: WorkerMode;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  trustProxy: boolean;
  redisUrl: string | undefined;
  rateLimitMax: number;
  rateLimitWindowMs: number;
  bodyLimitBytes: number;
  demoData: boolean;
  shutdownTimeoutMs: number;
  webDistDir: string;
  uploadMaxFileBytes: number;
  uploadMaxApplicationBytes: number;
  /** Minutes without activity after which a session ends. */
  sessionIdleMinutes: number;
  /** Hours after sign-in after which a session ends whatever the activity. */
  sessionMaxHours: number;
  /** OpenID Connect sign-in (FranceConnect-like); undefined when OIDC_ISSUER is unset. */
  oidc: OidcEnv | undefined;
  /** Documents in an S3-compatible bucket; undefined: the local folder DATA_DIR/files. */
  s3: S3Env | undefined;
  /** Bearer token guarding /metrics; never logged. */
  metricsToken: string | undefined;
  /** Attestation signing (server/adapters/signing/keyring.ts); secrets, never logged. */
  attestation: { signingKey: string | undefined; keyId: string | undefined; retiredPublicKeys: string | undefined };
  /** Demos and browser tests only: the service's clock starts at this instant (see server/clock.ts). */
  clockStart: Date | undefined;
  /** Reminder delivery (docs/adr/0012-reminders-and-notifications.md). */
  notify: NotifyEnv;
}

export interface NotifyEnv {
  /** SMTP server for emails (`smtp://user:pass@host:587`, `smtps://…`); unset: the database outbox. */
  smtpUrl: string | undefined;
  smtpFrom: string;
  /** HTTP SMS provider; unset: the database outbox. */
  sms: { apiUrl: string; apiToken: string; from: string } | undefined;
  /** Seconds after which a reminder claimed by a sender that never finished is taken back. */
  sendLeaseSeconds: number;
  /** Paris hours when no reminder goes out (held until 09:00); undefined: `off`. */
  quietHours: { from: number; until: number } | undefined;
}

export interface OidcEnv {
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
}

/** An S3-compatible object store for documents (several processes, several machines). */
export interface S3Env {
  bucket: string;
  /** Unset: AWS's own endpoint for the region. */
  endpoint: string | undefined;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  prefix: string;
  forcePathStyle: boolean;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`Invalid configuration: ${variable} ${message}`);
    this.name = 'ConfigError';
  }
}

type Source = Record<string, string | undefined>;

function read(source: Source, name: string): string | undefined {
  const value = source[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function integer(source: Source, name: string, fallback: number, min: number, max: number): number {
  const raw = read(source, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function boolean(source: Source, name: string, fallback: boolean): boolean {
  const raw = read(source, name);
  if (raw === undefined) return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

function oneOf<T extends string>(source: Source, name: string, allowed: readonly T[], fallback: T): T {
  const raw = read(source, name);
  if (raw === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

function url(source: Source, name: string, protocols: readonly string[]): string | undefined {
  const raw = read(source, name);
  if (raw === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, 'must be a valid URL');
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  }
  return raw;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function metricsToken(source: Source): string | undefined {
  const token = read(source, 'METRICS_TOKEN');
  if (token === undefined) return undefined;
  if (token.length < 24) throw new ConfigError('METRICS_TOKEN', 'must be at least 24 characters');
  return token;
}

/** `CLOCK_START`: an ISO 8601 instant with its offset; never in production. */
function clockStart(source: Source, nodeEnv: Env['nodeEnv']): Date | undefined {
  const text = read(source, 'CLOCK_START');
  if (text === undefined) return undefined;
  if (nodeEnv === 'production') throw new ConfigError('CLOCK_START', 'is refused when NODE_ENV=production: legal dates must follow the real calendar');
  const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text) ? new Date(text) : undefined;
  if (instant === undefined || Number.isNaN(instant.getTime())) throw new ConfigError('CLOCK_START', `must be an instant such as 2027-03-31T09:00:00+02:00, got "${text}"`);
  return instant;
}

function s3Env(source: Source): S3Env | undefined {
  const bucket = read(source, 'S3_BUCKET');
  const endpoint = url(source, 'S3_ENDPOINT', ['http:', 'https:']);
  const region = read(source, 'S3_REGION') ?? 'eu-west-3';
  const accessKeyId = read(source, 'S3_ACCESS_KEY_ID');
  const secretAccessKey = read(source, 'S3_SECRET_ACCESS_KEY');
  const prefix = read(source, 'S3_PREFIX') ?? 'sejour';
  const forcePathStyle = boolean(source, 'S3_FORCE_PATH_STYLE', endpoint !== undefined);
  if (bucket === undefined) {
    if (endpoint !== undefined || accessKeyId !== undefined) throw new ConfigError('S3_BUCKET', 'is required when other S3_* variables are set');
    return undefined;
  }
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) throw new ConfigError('S3_BUCKET', 'is not a valid bucket name');
  if (accessKeyId === undefined) throw new ConfigError('S3_ACCESS_KEY_ID', 'is required when S3_BUCKET is set');
  if (secretAccessKey === undefined) throw new ConfigError('S3_SECRET_ACCESS_KEY', 'is required when S3_BUCKET is set');
  if (!/^[a-z0-9][a-z0-9_/-]*$/.test(prefix)) throw new ConfigError('S3_PREFIX', 'may hold only a-z, 0-9, _, - and /');
  return { bucket, endpoint, region, accessKeyId, secretAccessKey, prefix, forcePathStyle };
}

function notifyEnv(source: Source): NotifyEnv {
  const smtpUrl = url(source, 'SMTP_URL', ['smtp:', 'smtps:']);
  const smtpFrom = read(source, 'SMTP_FROM') ?? 'Sejour <no-reply@sejour.localhost>';
  const apiUrl = url(source, 'SMS_API_URL', ['http:', 'https:']);
  const apiToken = read(source, 'SMS_API_TOKEN');
  const from = read(source, 'SMS_FROM') ?? 'Sejour';
  if (apiUrl !== undefined && apiToken === undefined) throw new ConfigError('SMS_API_TOKEN', 'is required when SMS_API_URL is set');
  if (apiUrl === undefined && apiToken !== undefined) throw new ConfigError('SMS_API_URL', 'is required when SMS_API_TOKEN is set');
  if (!/^[A-Za-z0-9 ]{1,11}$|^\+[0-9]{6,15}$/.test(from)) throw new ConfigError('SMS_FROM', 'must be up to 11 letters or digits, or an E.164 number');
  return {
    smtpUrl,
    smtpFrom,
    sms: apiUrl !== undefined && apiToken !== undefined ? { apiUrl, apiToken, from } : undefined,
    sendLeaseSeconds: integer(source, 'REMINDER_SEND_LEASE_SECONDS', 300, 1, 86_400),
    quietHours: quietHours(source),
  };
}

function quietHours(source: Source): { from: number; until: number } | undefined {
  const raw = read(source, 'REMINDER_QUIET_HOURS') ?? '21-8';
  if (raw === 'off') return undefined;
  const match = /^(\d{1,2})-(\d{1,2})$/.exec(raw);
  const from = Number(match?.[1]);
  const until = Number(match?.[2]);
  if (!match || from < 12 || from > 23 || until > 9) {
    throw new ConfigError('REMINDER_QUIET_HOURS', `must read FROM-UNTIL (evening hour 12–23, morning hour 0–9) or off, got "${raw}"`);
  }
  return { from, until };
}

function oidcEnv(source: Source): OidcEnv | undefined {
  const issuer = url(source, 'OIDC_ISSUER', ['http:', 'https:']);
  const clientId = read(source, 'OIDC_CLIENT_ID');
  const clientSecret = read(source, 'OIDC_CLIENT_SECRET');
  const scopes = read(source, 'OIDC_SCOPES') ?? 'openid email profile';
  if (issuer === undefined) return undefined;
  const parsed = new URL(issuer);
  if (parsed.protocol === 'http:' && !LOOPBACK_HOSTS.has(parsed.hostname)) {
    throw new ConfigError('OIDC_ISSUER', 'must start with https:// (http:// is accepted for a provider on this machine only)');
  }
  if (clientId === undefined) throw new ConfigError('OIDC_CLIENT_ID', 'is required when OIDC_ISSUER is set');
  if (clientSecret === undefined) throw new ConfigError('OIDC_CLIENT_SECRET', 'is required when OIDC_ISSUER is set');
  if (!scopes.split(/\s+/).includes('openid')) throw new ConfigError('OIDC_SCOPES', `must include openid, got "${scopes}"`);
  return { issuer: issuer.replace(/\/+$/, ''), clientId, clientSecret, scopes: scopes.split(/\s+/).join(' ') };
}

export function loadEnv(source: Source = process.env, cwd: string = process.cwd()): Env {
  const nodeEnv = oneOf(source, 'NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const port = integer(source, 'PORT', 3000, 0, 65535);
  const host = read(source, 'HOST') ?? '127.0.0.1';
  const publicUrl = url(source, 'PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`;
  const databaseUrl = url(source, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const databaseMode: DatabaseMode = databaseUrl ? 'postgres' : 'pglite';
  const demoData = boolean(source, 'DEMO_DATA', databaseMode === 'pglite');
  const sessionIdleMinutes = integer(source, 'SESSION_IDLE_MINUTES', 60, 5, 1440);
  const sessionMaxHours = integer(source, 'SESSION_MAX_HOURS', 12, 1, 720);
  if (sessionIdleMinutes > sessionMaxHours * 60) {
    throw new ConfigError('SESSION_IDLE_MINUTES', `must not exceed SESSION_MAX_HOURS (${sessionMaxHours} h)`);
  }
  const workerMode = oneOf(source, 'WORKER_MODE', ['in-process', 'off'] as const, 'in-process');
  if (workerMode === 'off' && databaseMode === 'pglite') {
    throw new ConfigError('WORKER_MODE', 'off needs DATABASE_URL: with the embedded database, the web server and the jobs run in one process');
  }
  const uploadMaxFileBytes = integer(source, 'UPLOAD_MAX_FILE_BYTES', 10_485_760, 1024, 1_073_741_824);
  const uploadMaxApplicationBytes = integer(source, 'UPLOAD_MAX_APPLICATION_BYTES', 52_428_800, 1024, 10_737_418_240);
  if (uploadMaxApplicationBytes < uploadMaxFileBytes) {
    throw new ConfigError('UPLOAD_MAX_APPLICATION_BYTES', `must be at least UPLOAD_MAX_FILE_BYTES (${uploadMaxFileBytes})`);
  }
  const attestationSigningKey = read(source, 'ATTESTATION_SIGNING_KEY');
  if (!attestationSigningKey && databaseMode === 'postgres' && nodeEnv === 'production') {
    throw new ConfigError('ATTESTATION_SIGNING_KEY', 'is required in production with DATABASE_URL (an Ed25519 PKCS#8 private key, PEM or base64)');
  }
  if (demoData && databaseMode === 'postgres') {
    throw new ConfigError('DEMO_DATA', 'is only allowed with the embedded database (unset DATABASE_URL)');
  }
  return {
    nodeEnv,
    host,
    port,
    publicUrl: publicUrl.replace(/\/+$/, ''),
    dataDir: path.resolve(cwd, read(source, 'DATA_DIR') ?? 'data'),
    databaseUrl,
    databaseMode,
    workerMode,
    logLevel: oneOf(source, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    trustProxy: boolean(source, 'TRUST_PROXY', false),
    metricsToken: metricsToken(source),
    s3: s3Env(source),
    redisUrl: url(source, 'REDIS_URL', ['redis:', 'rediss:']),
    rateLimitMax: integer(source, 'RATE_LIMIT_MAX', 300, 1, 1_000_000),
    rateLimitWindowMs: integer(source, 'RATE_LIMIT_WINDOW_MS', 60_000, 1000, 86_400_000),
    bodyLimitBytes: integer(source, 'BODY_LIMIT_BYTES', 1_048_576, 1024, 104_857_600),
    demoData,
    shutdownTimeoutMs: integer(source, 'SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000),
    webDistDir: path.resolve(cwd, read(source, 'WEB_DIST_DIR') ?? 'dist/web'),
    uploadMaxFileBytes,
    uploadMaxApplicationBytes,
    sessionIdleMinutes,
    sessionMaxHours,
    oidc: oidcEnv(source),
    attestation: {
      signingKey: attestationSigningKey,
      keyId: read(source, 'ATTESTATION_KEY_ID'),
      retiredPublicKeys: read(source, 'ATTESTATION_RETIRED_PUBLIC_KEYS'),
    },
    clockStart: clockStart(source, nodeEnv),
    notify: notifyEnv(source),
  };
}

/** Configuration table for the README, kept beside the parser so both change together. */
export const ENV_DOCS: ReadonlyArray<{ name: string; default: string; meaning: string }> = [
  { name: 'PORT', default: '3000', meaning: 'HTTP port.' },
  { name: 'HOST', default: '127.0.0.1', meaning: 'Address to listen on; `0.0.0.0` to accept outside connections (behind a reverse proxy).' },
  { name: 'PUBLIC_URL', default: 'http://localhost:$PORT', meaning: 'Address users reach the service at; used in links and to enable HSTS when it starts with https.' },
  { name: 'DATABASE_URL', default: '(unset)', meaning: 'PostgreSQL connection string. Unset: the embedded PGlite database in `DATA_DIR`.' },
  { name: 'DATA_DIR', default: './data', meaning: 'Folder for the embedded database and local files.' },
  { name: 'DEMO_DATA', default: 'true with PGlite, false otherwise', meaning: 'Create demo accounts (embedded database only) and print their credentials.' },
  { name: 'LOG_LEVEL', default: 'info', meaning: 'fatal, error, warn, info, debug, trace or silent.' },
  { name: 'TRUST_PROXY', default: 'false', meaning: 'Trust `X-Forwarded-*` headers (set true behind nginx).' },
  { name: 'METRICS_TOKEN', default: '(unset)', meaning: '`/metrics` requires `Authorization: Bearer <token>` (at least 24 characters); unset: only clients on this machine may read it.' },
  { name: 'REDIS_URL', default: '(unset)', meaning: 'Redis for shared rate-limit counters when several web processes run.' },
  { name: 'RATE_LIMIT_MAX', default: '300', meaning: 'Requests allowed per client IP per window.' },
  { name: 'RATE_LIMIT_WINDOW_MS', default: '60000', meaning: 'Rate-limit window in milliseconds.' },
  { name: 'BODY_LIMIT_BYTES', default: '1048576', meaning: 'Largest accepted JSON request body.' },
  { name: 'SHUTDOWN_TIMEOUT_MS', default: '10000', meaning: 'How long in-flight requests and jobs may take to finish on SIGINT/SIGTERM; jobs still running then are retried by the next process.' },
  { name: 'WORKER_MODE', default: 'in-process', meaning: '`in-process`: `npm start` also runs the background jobs. `off`: web only, jobs run in separate `npm run worker` processes (PostgreSQL only).' },
  { name: 'UPLOAD_MAX_FILE_BYTES', default: '10485760', meaning: 'Largest accepted supporting document (10 MiB).' },
  { name: 'UPLOAD_MAX_APPLICATION_BYTES', default: '52428800', meaning: 'Most the active documents of one application may weigh together (50 MiB); at least the file limit.' },
  { name: 'S3_BUCKET', default: '(unset)', meaning: 'Keep documents in this S3-compatible bucket instead of `DATA_DIR/files` (needed when several machines serve Sejour).' },
  { name: 'S3_ENDPOINT', default: '(unset: AWS)', meaning: 'Endpoint of a non-AWS store (OVHcloud, Scaleway, MinIO, Garage…), e.g. `https://s3.gra.io.cloud.ovh.net`.' },
  { name: 'S3_REGION', default: 'eu-west-3', meaning: 'Region of the bucket.' },
  { name: 'S3_ACCESS_KEY_ID', default: '(unset)', meaning: 'Access key; required with `S3_BUCKET`.' },
  { name: 'S3_SECRET_ACCESS_KEY', default: '(unset)', meaning: 'Secret key; required with `S3_BUCKET`. Never logged.' },
  { name: 'S3_PREFIX', default: 'sejour', meaning: 'Folder inside the bucket, so one bucket can hold several installations.' },
  { name: 'S3_FORCE_PATH_STYLE', default: 'true with S3_ENDPOINT, else false', meaning: 'Address the bucket as `endpoint/bucket` (most non-AWS stores) rather than `bucket.endpoint`.' },
  { name: 'WEB_DIST_DIR', default: './dist/web', meaning: 'Built front end served by the server.' },
  { name: 'SESSION_IDLE_MINUTES', default: '60', meaning: 'A session ends after this many minutes without activity (5–1440).' },
  { name: 'SESSION_MAX_HOURS', default: '12', meaning: 'A session ends this many hours after sign-in, whatever the activity (1–720).' },
  { name: 'OIDC_ISSUER', default: '(unset)', meaning: 'OpenID Connect provider (FranceConnect or similar) for "sign in with…"; unset disables it. https, or http on localhost only.' },
  { name: 'OIDC_CLIENT_ID', default: '(unset)', meaning: 'Client id registered with the provider; required with `OIDC_ISSUER`. Redirect URI: `$PUBLIC_URL/api/v1/auth/oidc/callback`.' },
  { name: 'OIDC_CLIENT_SECRET', default: '(unset)', meaning: 'Client secret registered with the provider; required with `OIDC_ISSUER`.' },
  { name: 'OIDC_SCOPES', default: 'openid email profile', meaning: 'Scopes requested (space-separated, must include openid; the provider must return a verified email).' },
  { name: 'ATTESTATION_SIGNING_KEY', default: '(unset)', meaning: 'Ed25519 private key (PKCS#8 PEM or base64 DER) that signs attestations; required in production with `DATABASE_URL`. Unset: a key generated once into `DATA_DIR/keys/`. Never logged.' },
  { name: 'ATTESTATION_KEY_ID', default: 'k1', meaning: 'Key id of `ATTESTATION_SIGNING_KEY`, printed in every payload and published at `/.well-known/sejour-keys.json`; change it when rotating the key.' },
  { name: 'ATTESTATION_RETIRED_PUBLIC_KEYS', default: '(unset)', meaning: 'Public keys of former signing keys, `kid=base64 SPKI DER` comma-separated (also `DATA_DIR/keys/retired/<kid>.pub.pem`): still published, so older attestations stay verifiable.' },
  { name: 'SMTP_URL', default: '(unset)', meaning: 'SMTP server for reminder emails (`smtp://user:password@host:587`, `smtps://…:465`). Unset: emails wait in the database outbox shown at `/dev/mailbox`.' },
  { name: 'SMTP_FROM', default: 'Sejour <no-reply@sejour.localhost>', meaning: 'Sender address of emails sent through `SMTP_URL`.' },
  { name: 'SMS_API_URL', default: '(unset)', meaning: 'HTTP SMS provider endpoint (JSON `{from,to,text}` POST with a bearer token). Unset: text messages wait in the database outbox shown at `/dev/mailbox`.' },
  { name: 'SMS_API_TOKEN', default: '(unset)', meaning: 'Bearer token of the SMS provider; required with `SMS_API_URL`. Never logged.' },
  { name: 'SMS_FROM', default: 'Sejour', meaning: 'Sender of text messages: up to 11 letters or digits, or an E.164 number.' },
  { name: 'REMINDER_SEND_LEASE_SECONDS', default: '300', meaning: 'A reminder claimed by a sender that died is sent again after this many seconds (longer than any SMTP or SMS call).' },
  { name: 'REMINDER_QUIET_HOURS', default: '21-8', meaning: 'Paris hours when no reminder is sent (`FROM-UNTIL`); one that falls due then waits for 09:00. `off` sends at any hour (tests).' },
  { name: 'NODE_ENV', default: 'development', meaning: 'development, production or test.' },
  {
    name: 'CLOCK_START',
    default: '(unset)',
    meaning: 'Demos, training and browser tests only: the service\'s clock starts at this instant (ISO 8601 with offset) and runs on from there, so reminders, prolongations and deadlines can be shown months ahead. Refused when NODE_ENV=production.',
  },
];
